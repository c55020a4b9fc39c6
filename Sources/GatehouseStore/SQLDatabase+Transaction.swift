package import SQLKit

extension SQLDatabase {
    /// Runs `body` between `begin` and COMMIT, rolling back when it throws, on a connection the caller holds
    /// for the whole transaction. Both backends share this; they differ only in `begin` and in how their
    /// driver reports a unique violation, which `uniqueViolation` recognises and turns into a conflict.
    package func transaction<T: Sendable>(
        begin: String,
        uniqueViolation: (any Error) -> String?,
        _ body: @Sendable (any SQLDatabase) async throws -> T
    ) async throws -> T {
        try await raw(SQLQueryString(begin)).run()
        return try await committing(uniqueViolation: uniqueViolation, body)
    }

    /// The rest of ``transaction(begin:uniqueViolation:_:)`` once the transaction has begun, for a backend
    /// that begins it its own way (SQLite waits for the write lock without holding a thread).
    package func committing<T: Sendable>(
        uniqueViolation: (any Error) -> String?,
        _ body: @Sendable (any SQLDatabase) async throws -> T
    ) async throws -> T {
        do {
            let result = try await body(self)
            try await raw("COMMIT").run()
            return result
        } catch {
            // In a task of its own: a cancelled caller must not skip the rollback, or the connection would go
            // back to its pool still inside this transaction and every later BEGIN on it would fail.
            await Task { try? await raw("ROLLBACK").run() }.value
            if let what = uniqueViolation(error) { throw StoreError.conflict(what) }
            throw error
        }
    }
}
