package import SQLKit

/// What a backend provides: a read snapshot, a serialisable-enough write transaction, and shutdown.
///
/// Everything else — schema, queries, row mapping — is written once in this module against `SQLDatabase`,
/// so SQLite and PostgreSQL run the same SQL. Backends translate their unique-constraint errors into
/// ``StoreError/conflict(_:)`` so callers can retry a lost race without knowing the driver.
package protocol DatabaseConnector: Sendable {
    /// Runs `body` against a consistent snapshot; it must not write.
    func read<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T
    /// Runs `body` in a transaction that commits when it returns and rolls back when it throws. Writers are
    /// serialised per row by the database (PostgreSQL) or as a whole (SQLite).
    func write<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T
    func close() async throws
}
