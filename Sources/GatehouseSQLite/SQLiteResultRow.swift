import SQLKit
import VaporCSQLite

/// One result row, read out of the statement before the next step so it outlives it (`all()` keeps rows).
struct SQLiteResultRow: SQLRow {
    let columns: SQLiteColumns
    let values: [SQLiteValue]

    var allColumns: [String] { columns.names }

    func contains(column: String) -> Bool { columns.index[column] != nil }

    func decodeNil(column: String) throws -> Bool {
        try value(column) == .null
    }

    func decode<D: Decodable>(column: String, as type: D.Type) throws -> D {
        try value(column).decode(as: D.self, column: column)
    }

    private func value(_ column: String) throws -> SQLiteValue {
        guard let index = columns.index[column] else {
            throw SQLiteFailure(code: SQLITE_RANGE, message: "no column \(column) in the result (\(columns.names.joined(separator: ", ")))")
        }
        return values[index]
    }
}

/// A prepared statement's column names, looked up once per statement and shared by all its rows.
final class SQLiteColumns: Sendable {
    let names: [String]
    /// The first column of each name, as SQLite reports duplicates in order.
    let index: [String: Int]

    init(_ names: [String]) {
        self.names = names
        self.index = Dictionary(names.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
    }
}
