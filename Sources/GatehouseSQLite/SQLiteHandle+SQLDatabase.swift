import Logging
import NIOCore
import NIOPosix
import SQLKit
import SQLiteKit

/// The store's queries are SQLKit expressions; this serialises them in SQLite's dialect and runs them here.
extension SQLiteHandle: SQLDatabase {
    var logger: Logger { Self.logger }
    var dialect: any SQLDialect { SQLiteDialect() }
    var queryLogLevel: Logger.Level? { nil }

    /// Only SQLKit's legacy future-returning API needs an event loop; the store uses the async one.
    var eventLoop: any EventLoop { MultiThreadedEventLoopGroup.singleton.any() }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void) -> EventLoopFuture<Void> {
        do {
            try run(query, onRow)
            return eventLoop.makeSucceededVoidFuture()
        } catch {
            return eventLoop.makeFailedFuture(error)
        }
    }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void) async throws {
        try run(query, onRow)
    }

    private func run(_ query: any SQLExpression, _ onRow: @Sendable (any SQLRow) -> Void) throws {
        let (sql, binds) = serialize(query)
        try execute(sql, binds: try binds.map(SQLiteValue.init(bind:))) { onRow($0) }
    }

    private static let logger = Logger(label: "gatehouse.sqlite")
}
