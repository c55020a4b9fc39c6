import VaporCSQLite

/// An error SQLite reported, with its extended result code so the connector can tell a unique violation
/// (a lost race a caller may retry) from everything else.
struct SQLiteFailure: Error, CustomStringConvertible {
    /// SQLite's extended result code, e.g. 2067 for `SQLITE_CONSTRAINT_UNIQUE`.
    let code: Int32
    let message: String

    /// The error SQLite keeps for the last call on `handle`.
    init(code: Int32, handle: OpaquePointer?) {
        self.code = code
        self.message = handle.flatMap { sqlite_nio_sqlite3_errmsg($0) }.map { String(cString: $0) } ?? String(cString: sqlite_nio_sqlite3_errstr(code))
    }

    init(code: Int32, message: String) {
        self.code = code
        self.message = message
    }

    /// Any constraint failure; the connector reports only these as conflicts.
    var isConstraintViolation: Bool { code & 0xff == SQLITE_CONSTRAINT }

    /// Another connection holds the lock this call needs (`SQLITE_BUSY` and its extended codes).
    var isBusy: Bool { code & 0xff == SQLITE_BUSY }

    var description: String { "SQLite error \(code): \(message)" }
}
