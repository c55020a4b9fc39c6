import GatehouseStore
import Logging
import NIOCore
import PostgresKit
import SQLKit

/// One pooled connection, held for one transaction, as the store's `SQLDatabase`: the same SQLKit queries and
/// PostgreSQL dialect as postgres-kit's, but statements the ``StatementCatalog`` has named run prepared.
///
/// A statement whose binds are all of the store's plain types (integers, text, booleans, reals, NULL) can run
/// prepared; anything else, and everything the catalog leaves unnamed, runs as postgres-kit's unnamed statement.
struct PostgresSession: SQLDatabase {
    let connection: PostgresConnection
    let catalog: StatementCatalog

    var logger: Logger { connection.logger }
    var eventLoop: any EventLoop { connection.eventLoop }
    var version: (any SQLDatabaseReportedVersion)? { nil }
    var dialect: any SQLDialect { PostgresDialect() }
    var queryLogLevel: Logger.Level? { nil }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void) -> EventLoopFuture<Void> {
        eventLoop.makeFutureWithTask { try await self.execute(sql: query, onRow) }
    }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void) async throws {
        let (sql, binds) = serialize(query)
        // Statements without parameters are transaction control and one-offs; preparing gains them nothing.
        guard !binds.isEmpty, let (bindings, types) = Self.bindings(binds),
            let name = catalog.name(for: StatementCatalog.Key(sql: sql, types: types.map(\.rawValue)))
        else {
            return try await connection.sql(queryLogLevel: nil).execute(sql: query, onRow)
        }
        try await NamedStatement.$current.withValue(NamedStatement.Text(name: name, sql: sql, types: types)) {
            for try await row in try await connection.execute(NamedStatement(bindings: bindings), logger: logger) {
                onRow(row.sql())
            }
        }
    }

    /// The binds in PostgreSQL's binary format, with the types declared for them (the same postgres-kit
    /// declares for an unnamed statement); nil when one is of a type only postgres-kit's encoder handles.
    private static func bindings(_ binds: [any Encodable & Sendable]) -> (PostgresBindings, [PostgresDataType])? {
        var bindings = PostgresBindings(capacity: binds.count)
        var types: [PostgresDataType] = []
        types.reserveCapacity(binds.count)
        for bind in binds {
            guard let type = append(bind, to: &bindings) else { return nil }
            types.append(type)
        }
        return (bindings, types)
    }

    private static func append(_ value: any Encodable, to bindings: inout PostgresBindings) -> PostgresDataType? {
        switch value {
        case let value as Int: bindings.append(value, context: .default); return .int8
        case let value as String: bindings.append(value, context: .default); return .text
        case let value as Int64: bindings.append(value, context: .default); return .int8
        case let value as Bool: bindings.append(value, context: .default); return .bool
        case let value as Int32: bindings.append(value, context: .default); return .int4
        case let value as Double: bindings.append(value, context: .default); return .float8
        case let value as any OptionalBind:
            guard let wrapped = value.wrappedBind else {
                bindings.appendNull()
                return .null
            }
            return append(wrapped, to: &bindings)
        default:
            return nil
        }
    }
}

/// A statement of the store's run through postgres-nio's prepared statements, which prepare a statement once on
/// each connection and then only bind and execute it.
///
/// postgres-nio reads a prepared statement's name, text and parameter types from static properties, made for
/// statements written out as types; the store builds its SQL at run time, so those properties read the text
/// the calling task has set. postgres-nio reads them when the statement is handed to the connection, inside
/// ``PostgresSession/execute(sql:_:)``'s scope.
struct NamedStatement: PostgresPreparedStatement {
    struct Text: Sendable {
        let name: String
        let sql: String
        let types: [PostgresDataType]
    }

    @TaskLocal static var current: Text?

    static var name: String { text.name }
    static var sql: String { text.sql }
    static var bindingDataTypes: [PostgresDataType] { text.types }

    private static var text: Text {
        guard let current else { preconditionFailure("a NamedStatement runs only inside NamedStatement.$current.withValue") }
        return current
    }

    let bindings: PostgresBindings

    func makeBindings() -> PostgresBindings { bindings }
    func decodeRow(_ row: PostgresRow) -> PostgresRow { row }
}
