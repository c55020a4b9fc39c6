package import GatehouseCore
import SQLKit

extension StoreTransaction {
    package func insertWebSession(idHash: String, account: Account.ID, csrfToken: String, now: Timestamp, expires: Timestamp) async throws {
        try await sql.raw("""
            INSERT INTO web_sessions (id_hash, account_id, csrf_token, created_at, expires_at)
            VALUES (\(bind: idHash), \(bind: account), \(bind: csrfToken), \(bind: now.nanosecondsSinceEpoch), \(bind: expires.nanosecondsSinceEpoch))
            """).run()
    }

    /// The session's account and CSRF token, if it exists and has not expired.
    package func webSession(idHash: String, now: Timestamp) async throws -> (account: Account.ID, csrfToken: String)? {
        guard let row = try await sql.raw("""
            SELECT account_id, csrf_token FROM web_sessions WHERE id_hash = \(bind: idHash) AND expires_at > \(bind: now.nanosecondsSinceEpoch)
            """).first()
        else { return nil }
        return (try row.decode(column: "account_id", as: Int.self), try row.decode(column: "csrf_token", as: String.self))
    }

    package func deleteWebSession(idHash: String) async throws {
        try await sql.raw("DELETE FROM web_sessions WHERE id_hash = \(bind: idHash)").run()
    }

    package func deleteExpiredWebSessions(now: Timestamp) async throws {
        try await sql.raw("DELETE FROM web_sessions WHERE expires_at <= \(bind: now.nanosecondsSinceEpoch)").run()
    }
}
