import GatehouseStore
package import Logging
package import SQLiteKit

/// The embedded backend: one SQLite file in WAL mode, one writer connection and a few readers.
///
/// WAL lets readers work from a committed snapshot while the single writer commits, which is SQLite's own
/// concurrency model. `synchronous=NORMAL` in WAL mode keeps every committed transaction across a crash of
/// the process (kill -9); only a power failure can lose the last commits, which `FULL` would also cover at the
/// cost of an fsync per commit. Foreign keys are enforced.
package final class SQLiteConnector: DatabaseConnector {
    private let writer: ConnectionPool<SQLiteConnection>
    private let readers: ConnectionPool<SQLiteConnection>
    private let readerCount: Int

    private init(writer: SQLiteConnection, readers: [SQLiteConnection]) {
        self.writer = ConnectionPool([writer])
        self.readers = ConnectionPool(readers)
        self.readerCount = readers.count
    }

    /// Opens (creating if needed) the database file at `path`.
    package static func open(path: String, readers: Int = 4, logger: Logger = Logger(label: "gatehouse.sqlite")) async throws -> SQLiteConnector {
        let writer = try await SQLiteConnection.open(storage: .file(path: path), logger: logger)
        try await configure(writer, logger: logger)
        var readerConnections: [SQLiteConnection] = []
        for _ in 0..<max(1, readers) {
            let reader = try await SQLiteConnection.open(storage: .file(path: path), logger: logger)
            try await configure(reader, logger: logger)
            readerConnections.append(reader)
        }
        return SQLiteConnector(writer: writer, readers: readerConnections)
    }

    private static func configure(_ connection: SQLiteConnection, logger: Logger) async throws {
        let sql = connection.sql(queryLogLevel: nil)
        for pragma in ["PRAGMA journal_mode = WAL", "PRAGMA synchronous = NORMAL", "PRAGMA foreign_keys = ON", "PRAGMA busy_timeout = 10000"] {
            try await sql.raw(SQLQueryString(pragma)).run()
        }
    }

    package func read<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        let connection = await readers.checkout()
        defer { Task { await readers.checkin(connection) } }
        return try await transaction(on: connection, begin: "BEGIN", body)
    }

    package func write<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        let connection = await writer.checkout()
        defer { Task { await writer.checkin(connection) } }
        return try await transaction(on: connection, begin: "BEGIN IMMEDIATE", body)
    }

    private func transaction<T: Sendable>(
        on connection: SQLiteConnection, begin: String, _ body: @Sendable (any SQLDatabase) async throws -> T
    ) async throws -> T {
        try await connection.sql(queryLogLevel: nil).transaction(begin: begin, uniqueViolation: Self.uniqueViolation, body)
    }

    private static func uniqueViolation(_ error: any Error) -> String? {
        guard let error = error as? SQLiteError,
            [.constraint, .constraintUniqueFailed, .constraintPrimaryKeyFailed].contains(error.reason)
        else { return nil }
        return error.message
    }

    package func close() async throws {
        for connection in await writer.drain(count: 1) + readers.drain(count: readerCount) {
            try await connection.close()
        }
    }
}
