import VaporCSQLite

/// One SQLite connection driven synchronously on the calling thread, with its prepared statements kept.
///
/// Why not SQLiteNIO's connection: it hands every statement to a thread pool and answers with a future, so a
/// change page's dozen statements cost a dozen thread hops, and it prepares each statement anew. Measured on
/// the change detail route, those were a third of the server's CPU. A read in WAL mode never waits for a lock
/// and a statement of the store takes microseconds, so running it where the request already runs is both
/// faster and simpler; the single writer's commit does not sync in WAL mode with `synchronous=NORMAL`.
///
/// Not thread-safe by design (opened with `SQLITE_OPEN_NOMUTEX`): the connector lends each handle to one
/// transaction at a time, which is what makes the `@unchecked Sendable` sound.
final class SQLiteHandle: @unchecked Sendable {
    private let db: OpaquePointer
    private var statements: [String: PreparedStatement] = [:]
    private var isClosed = false

    /// Statements kept per connection. The store's SQL is a fixed set except for `IN (…)` lists, whose
    /// length varies; past this many, the cache starts over rather than grow without bound.
    static let statementCacheLimit = 256

    /// A prepared statement with the column names of its result.
    struct PreparedStatement {
        let pointer: OpaquePointer
        let columns: SQLiteColumns
    }

    init(path: String) throws {
        var handle: OpaquePointer?
        let flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX
        let code = sqlite_nio_sqlite3_open_v2(path, &handle, flags, nil)
        guard code == SQLITE_OK, let handle else {
            let failure = SQLiteFailure(code: code, handle: handle)
            sqlite_nio_sqlite3_close_v2(handle)
            throw failure
        }
        self.db = handle
        sqlite_nio_sqlite3_extended_result_codes(handle, 1)
    }

    deinit {
        close()
    }

    /// Finalizes the kept statements and closes the connection; later calls do nothing.
    func close() {
        guard !isClosed else { return }
        isClosed = true
        for statement in statements.values { sqlite_nio_sqlite3_finalize(statement.pointer) }
        statements = [:]
        sqlite_nio_sqlite3_close_v2(db)
    }

    /// Runs one statement with `binds`, calling `onRow` for each row of its result.
    func execute(_ sql: String, binds: [SQLiteValue], onRow: (SQLiteResultRow) throws -> Void) throws {
        guard !isClosed else { throw SQLiteFailure(code: SQLITE_MISUSE, message: "the connection is closed") }
        let statement = try prepared(sql)
        // Reset at once: a statement left mid-result would keep its read snapshot open past COMMIT. Bindings
        // are not cleared (every execution binds every parameter): clearing marks a statement whose plan looked
        // at a bound value as expired, and SQLite would then compile it again on every use.
        defer { sqlite_nio_sqlite3_reset(statement.pointer) }
        for (offset, value) in binds.enumerated() {
            try bind(value, at: Int32(offset + 1), in: statement.pointer)
        }
        let width = Int32(statement.columns.names.count)
        while true {
            let code = sqlite_nio_sqlite3_step(statement.pointer)
            if code == SQLITE_DONE { return }
            guard code == SQLITE_ROW else { throw SQLiteFailure(code: code, handle: db) }
            var values: [SQLiteValue] = []
            values.reserveCapacity(Int(width))
            for column in 0..<width { values.append(value(at: column, in: statement.pointer)) }
            try onRow(SQLiteResultRow(columns: statement.columns, values: values))
        }
    }

    private func prepared(_ sql: String) throws -> PreparedStatement {
        if let statement = statements[sql] { return statement }
        var pointer: OpaquePointer?
        var tail: UnsafePointer<CChar>?
        let code = sql.withCString { text in
            let result = sqlite_nio_sqlite3_prepare_v3(db, text, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &pointer, &tail)
            // More than one statement in one string would silently run only the first.
            if result == SQLITE_OK, let tail, tail.pointee != 0,
                !String(cString: tail).allSatisfy({ $0.isWhitespace || $0 == ";" })
            {
                return SQLITE_MISUSE
            }
            return result
        }
        guard code == SQLITE_OK, let pointer else {
            if let pointer { sqlite_nio_sqlite3_finalize(pointer) }
            if code == SQLITE_MISUSE { throw SQLiteFailure(code: code, message: "one statement at a time: \(sql)") }
            throw SQLiteFailure(code: code, handle: db)
        }
        let count = sqlite_nio_sqlite3_column_count(pointer)
        let names = (0..<count).map { String(cString: sqlite_nio_sqlite3_column_name(pointer, $0)) }
        let statement = PreparedStatement(pointer: pointer, columns: SQLiteColumns(names))
        if statements.count >= Self.statementCacheLimit {
            for cached in statements.values { sqlite_nio_sqlite3_finalize(cached.pointer) }
            statements.removeAll(keepingCapacity: true)
        }
        statements[sql] = statement
        return statement
    }

    private func bind(_ value: SQLiteValue, at index: Int32, in statement: OpaquePointer) throws {
        let code: Int32
        switch value {
        case .null: code = sqlite_nio_sqlite3_bind_null(statement, index)
        case .integer(let integer): code = sqlite_nio_sqlite3_bind_int64(statement, index, integer)
        case .real(let real): code = sqlite_nio_sqlite3_bind_double(statement, index, real)
        case .text(var text):
            code = text.withUTF8 { bytes in
                // An empty buffer may have no address, and a NULL pointer would bind SQL NULL instead of ''.
                guard let address = bytes.baseAddress, bytes.count > 0 else {
                    return sqlite_nio_sqlite3_bind_text64(statement, index, "", 0, Self.transient, UInt8(SQLITE_UTF8))
                }
                return address.withMemoryRebound(to: CChar.self, capacity: bytes.count) {
                    sqlite_nio_sqlite3_bind_text64(statement, index, $0, UInt64(bytes.count), Self.transient, UInt8(SQLITE_UTF8))
                }
            }
        case .blob(let bytes):
            code = bytes.withUnsafeBytes { buffer in
                sqlite_nio_sqlite3_bind_blob64(statement, index, buffer.baseAddress ?? UnsafeRawPointer(bitPattern: 1), UInt64(buffer.count), Self.transient)
            }
        }
        guard code == SQLITE_OK else { throw SQLiteFailure(code: code, handle: db) }
    }

    private func value(at column: Int32, in statement: OpaquePointer) -> SQLiteValue {
        switch sqlite_nio_sqlite3_column_type(statement, column) {
        case SQLITE_INTEGER: return .integer(sqlite_nio_sqlite3_column_int64(statement, column))
        case SQLITE_FLOAT: return .real(sqlite_nio_sqlite3_column_double(statement, column))
        case SQLITE_TEXT:
            guard let text = sqlite_nio_sqlite3_column_text(statement, column) else { return .text("") }
            let count = Int(sqlite_nio_sqlite3_column_bytes(statement, column))
            return .text(String(decoding: UnsafeBufferPointer(start: text, count: count), as: UTF8.self))
        case SQLITE_BLOB:
            let count = Int(sqlite_nio_sqlite3_column_bytes(statement, column))
            guard let bytes = sqlite_nio_sqlite3_column_blob(statement, column), count > 0 else { return .blob([]) }
            return .blob(Array(UnsafeRawBufferPointer(start: bytes, count: count)))
        default: return .null
        }
    }

    /// SQLite's `SQLITE_TRANSIENT`: copy the bound bytes now, since Swift's buffer lives only for the call.
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
}
