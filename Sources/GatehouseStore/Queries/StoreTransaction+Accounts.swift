package import GatehouseCore
import SQLKit

extension StoreTransaction {
    private static let accountColumns = "id, username, full_name, email, active, created_at"

    package func insertAccount(username: String, fullName: String?, email: String?, now: Timestamp) async throws -> Account {
        let id = try await nextNumber("account")
        try await sql.raw("""
            INSERT INTO accounts (id, username, full_name, email, active, created_at)
            VALUES (\(bind: id), \(bind: username), \(bind: fullName), \(bind: email), 1, \(bind: now.nanosecondsSinceEpoch))
            """).run()
        return Account(id: id, username: username, fullName: fullName, email: email, isActive: true, createdAt: now)
    }

    package func account(id: Account.ID) async throws -> Account? {
        try await sql.raw("SELECT \(unsafeRaw: Self.accountColumns) FROM accounts WHERE id = \(bind: id)").first().map(Self.account(from:))
    }

    package func account(username: String) async throws -> Account? {
        try await sql.raw("SELECT \(unsafeRaw: Self.accountColumns) FROM accounts WHERE username = \(bind: username)").first().map(Self.account(from:))
    }

    package func account(email: String) async throws -> Account? {
        try await sql.raw("SELECT \(unsafeRaw: Self.accountColumns) FROM accounts WHERE email = \(bind: email)").first().map(Self.account(from:))
    }

    /// Finds an account the way Gerrit's `{account-id}` does: numeric id, username, then e-mail.
    package func account(identifiedBy text: String) async throws -> Account? {
        if let id = Int(text), let account = try await account(id: id) { return account }
        if let account = try await account(username: text) { return account }
        if text.contains("@") { return try await account(email: text) }
        return nil
    }

    /// The accounts with these ids that exist; in read snapshots, those read since the last write come from
    /// the store's cache and only the others from the database.
    package func accounts(ids: some Collection<Account.ID>) async throws -> [Account.ID: Account] {
        var found: [Account.ID: Account] = [:]
        var missing: [Account.ID] = []
        for id in Set(ids) {
            if let readCaches, let account = readCaches.caches.accounts.value(for: id, generation: readCaches.generation) {
                found[id] = account
            } else {
                missing.append(id)
            }
        }
        guard !missing.isEmpty else { return found }
        for row in try await sql.raw("SELECT \(unsafeRaw: Self.accountColumns) FROM accounts WHERE id IN (\(binds: missing))").all() {
            let account = try Self.account(from: row)
            found[account.id] = account
            if let readCaches { readCaches.caches.accounts.store(account, for: account.id, generation: readCaches.generation) }
        }
        return found
    }

    package func setPasswordHash(_ hash: String, for account: Account.ID, now: Timestamp) async throws {
        try await sql.raw("DELETE FROM account_passwords WHERE account_id = \(bind: account)").run()
        try await sql.raw("""
            INSERT INTO account_passwords (account_id, hash, updated_at) VALUES (\(bind: account), \(bind: hash), \(bind: now.nanosecondsSinceEpoch))
            """).run()
    }

    package func deletePassword(for account: Account.ID) async throws {
        try await sql.raw("DELETE FROM account_passwords WHERE account_id = \(bind: account)").run()
    }

    package func passwordHash(for account: Account.ID) async throws -> String? {
        try await sql.raw("SELECT hash FROM account_passwords WHERE account_id = \(bind: account)").first()?.decode(column: "hash", as: String.self)
    }

    static func account(from row: any SQLRow) throws -> Account {
        Account(
            id: try row.decode(column: "id", as: Int.self),
            username: try row.decode(column: "username", as: String.self),
            fullName: try row.decode(column: "full_name", as: String?.self),
            email: try row.decode(column: "email", as: String?.self),
            isActive: try row.decode(column: "active", as: Int.self) != 0,
            createdAt: Timestamp(nanosecondsSinceEpoch: try row.decode(column: "created_at", as: Int64.self))
        )
    }
}
