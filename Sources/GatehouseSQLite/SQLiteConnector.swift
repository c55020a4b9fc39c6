import GatehouseStore
package import SQLKit

/// The embedded backend: one SQLite file in WAL mode, one writer connection and a few readers.
///
/// WAL lets readers work from a committed snapshot while the single writer commits, which is SQLite's own
/// concurrency model. `synchronous=NORMAL` in WAL mode keeps every committed transaction across a crash of
/// the process (kill -9); only a power failure can lose the last commits, which `FULL` would also cover at the
/// cost of an fsync per commit. Foreign keys are enforced.
package final class SQLiteConnector: DatabaseConnector {
    private let writer: ConnectionPool<SQLiteHandle>
    private let readers: ConnectionPool<SQLiteHandle>
    private let readerCount: Int

    private init(writer: SQLiteHandle, readers: [SQLiteHandle]) {
        self.writer = ConnectionPool([writer])
        self.readers = ConnectionPool(readers)
        self.readerCount = readers.count
    }

    /// Opens (creating if needed) the database file at `path`.
    ///
    /// Statements run on the calling task's thread, so more readers than the machine has cores would only
    /// queue in SQLite instead of here; four cover a read that awaits something else (git) meanwhile.
    package static func open(path: String, readers: Int = 4) throws -> SQLiteConnector {
        let writer = try SQLiteHandle(path: path)
        try configure(writer)
        var readerHandles: [SQLiteHandle] = []
        for _ in 0..<max(1, readers) {
            let reader = try SQLiteHandle(path: path)
            try configure(reader)
            readerHandles.append(reader)
        }
        return SQLiteConnector(writer: writer, readers: readerHandles)
    }

    /// Pages each connection keeps, in KiB (SQLite's default is 2,000): a change page reads rows spread over the
    /// whole file, and a page not kept costs a system call and a copy. Five connections at most add 80 MiB.
    static let pageCacheKiB = 16_384

    private static func configure(_ handle: SQLiteHandle) throws {
        let pragmas = [
            "PRAGMA journal_mode = WAL", "PRAGMA synchronous = NORMAL", "PRAGMA foreign_keys = ON", "PRAGMA busy_timeout = 0",
            "PRAGMA cache_size = -\(pageCacheKiB)",
        ]
        for pragma in pragmas {
            try handle.execute(pragma, binds: []) { _ in }
        }
    }

    package func read<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        let handle = await readers.checkout()
        defer { readers.checkin(handle) }
        // A WAL reader is refused only in rare moments (another connection recovering the WAL); a read has no
        // effect to undo, so it simply runs again.
        return try await Self.retryingWhileBusy {
            try await handle.transaction(begin: "BEGIN", uniqueViolation: Self.uniqueViolation, body)
        }
    }

    package func write<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        let handle = await writer.checkout()
        defer { writer.checkin(handle) }
        // Only the BEGIN is retried: once it holds the write lock nothing in WAL mode waits again, and the body
        // may have done things outside the database that must not happen twice.
        try await Self.retryingWhileBusy { try handle.execute("BEGIN IMMEDIATE", binds: []) { _ in } }
        return try await handle.committing(uniqueViolation: Self.uniqueViolation, body)
    }

    /// How long a transaction waits for another connection (another process, or a second connector on the
    /// same file) to release its lock before the error reaches the caller; as SQLite's busy timeout was.
    static let busyTimeout: Duration = .seconds(10)

    /// Runs `attempt` again while SQLite answers `SQLITE_BUSY`, sleeping in between.
    ///
    /// SQLite's own busy handler would sleep inside the call, holding one of the few threads every request
    /// of the server runs on; the connections are therefore opened with no busy timeout and wait here instead.
    private static func retryingWhileBusy<T>(_ attempt: () async throws -> T) async throws -> T {
        let deadline = ContinuousClock.now + busyTimeout
        var pause: Duration = .milliseconds(1)
        while true {
            do {
                return try await attempt()
            } catch let failure as SQLiteFailure where failure.isBusy && ContinuousClock.now + pause < deadline {
                try await Task.sleep(for: pause)
                pause = min(pause * 2, .milliseconds(50))
            }
        }
    }

    private static func uniqueViolation(_ error: any Error) -> String? {
        guard let error = error as? SQLiteFailure, error.isConstraintViolation else { return nil }
        return error.message
    }

    package func close() async throws {
        for handle in await writer.drain(count: 1) + readers.drain(count: readerCount) {
            handle.close()
        }
    }
}
