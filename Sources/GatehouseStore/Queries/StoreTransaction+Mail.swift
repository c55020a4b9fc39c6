package import GatehouseCore
import SQLKit

extension StoreTransaction {
    /// Each account's e-mail strategy; accounts that never chose are absent (they get ``EmailStrategy/default``).
    package func emailStrategies(of accounts: some Collection<Account.ID>) async throws -> [Account.ID: EmailStrategy] {
        guard !accounts.isEmpty else { return [:] }
        var strategies: [Account.ID: EmailStrategy] = [:]
        for row in try await sql.raw("""
            SELECT account_id, email_strategy FROM account_preferences WHERE account_id IN (\(binds: Array(Set(accounts))))
            """).all() {
            let raw = try row.decode(column: "email_strategy", as: String.self)
            guard let strategy = EmailStrategy(rawValue: raw) else { throw StoreError.corrupt("email strategy \(raw)") }
            strategies[try row.decode(column: "account_id", as: Int.self)] = strategy
        }
        return strategies
    }

    package func setEmailStrategy(_ strategy: EmailStrategy, for account: Account.ID) async throws {
        try await sql.raw("DELETE FROM account_preferences WHERE account_id = \(bind: account)").run()
        try await sql.raw("""
            INSERT INTO account_preferences (account_id, email_strategy) VALUES (\(bind: account), \(bind: strategy.rawValue))
            """).run()
    }

    /// Everyone who voted on any patch set of the change, including votes a later patch set did not keep.
    package func voters(of change: Change.Number) async throws -> Set<Account.ID> {
        Set(try await sql.raw("SELECT DISTINCT account_id FROM votes WHERE change_number = \(bind: change)").all().map {
            try $0.decode(column: "account_id", as: Int.self)
        })
    }

    /// The last event the mail worker finished with; nil before mail ever ran on this database.
    package func mailCursor() async throws -> Int? {
        let value = try await counterValue("mail_cursor")
        return value < 0 ? nil : value
    }

    /// Moves the cursor past `seq`, counting the messages sent and failed for it.
    package func advanceMailCursor(to seq: Int, sent: Int = 0, failed: Int = 0) async throws {
        try await sql.raw("UPDATE counters SET value = \(bind: seq) WHERE name = 'mail_cursor'").run()
        if sent > 0 { try await sql.raw("UPDATE counters SET value = value + \(bind: sent) WHERE name = 'mail_sent'").run() }
        if failed > 0 { try await sql.raw("UPDATE counters SET value = value + \(bind: failed) WHERE name = 'mail_failed'").run() }
    }

    /// Messages the mail worker handed to the SMTP server, and messages it gave up on, since the database began.
    package func mailCounts() async throws -> (sent: Int, failed: Int) {
        (try await counterValue("mail_sent"), try await counterValue("mail_failed"))
    }

    private func counterValue(_ name: String) async throws -> Int {
        guard let row = try await sql.raw("SELECT value FROM counters WHERE name = \(bind: name)").first() else {
            throw StoreError.corrupt("counter \(name) is missing")
        }
        return try row.decode(column: "value", as: Int.self)
    }
}
