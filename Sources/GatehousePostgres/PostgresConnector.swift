import Foundation
import GatehouseStore
package import Logging
package import PostgresKit

/// The scale backend: PostgreSQL through postgres-nio's connection pool.
///
/// Each transaction holds one pooled connection from BEGIN to COMMIT. Row locks (the counter UPDATE, unique
/// indexes) serialise what must be serial; everything else runs concurrently. Statements the store runs again
/// and again are prepared once per connection (``StatementCatalog``).
package final class PostgresConnector: DatabaseConnector {
    private let client: PostgresClient
    private let runTask: Task<Void, Never>
    private let catalog = StatementCatalog()

    private init(client: PostgresClient) {
        self.client = client
        self.runTask = Task { await client.run() }
    }

    /// Connects to `postgres://user:password@host:port/database`.
    package static func connect(url: String, logger: Logger = Logger(label: "gatehouse.postgres")) async throws -> PostgresConnector {
        guard let components = URLComponents(string: url), ["postgres", "postgresql"].contains(components.scheme ?? ""),
            let host = components.host, let user = components.user
        else {
            throw StoreError.corrupt("database URL must look like postgres://user:password@host:port/database, got \(url)")
        }
        let database = components.path.hasPrefix("/") ? String(components.path.dropFirst()) : components.path
        var configuration = PostgresClient.Configuration(
            host: host, port: components.port ?? 5432, username: user, password: components.password,
            database: database.isEmpty ? nil : database, tls: .disable
        )
        configuration.options.maximumConnections = 16
        let connector = PostgresConnector(client: PostgresClient(configuration: configuration, backgroundLogger: logger))
        // Fail at start-up, not at the first request, when the database is unreachable.
        do {
            _ = try await connector.read { sql in try await sql.raw("SELECT 1 AS one").first() }
        } catch {
            try? await connector.close()
            throw error
        }
        return connector
    }

    package func read<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        try await transaction(begin: "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", body)
    }

    package func write<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        try await transaction(begin: "BEGIN", body)
    }

    /// One pooled connection from `begin` to COMMIT.
    private func transaction<T: Sendable>(begin: String, _ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        try await client.withConnection { [catalog] connection in
            try await PostgresSession(connection: connection, catalog: catalog).transaction(begin: begin, uniqueViolation: Self.uniqueViolation, body)
        }
    }

    /// Runs statements outside a transaction, for the few that refuse one (`CREATE DATABASE`).
    package func autocommit<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        try await client.withConnection { connection in try await body(connection.sql(queryLogLevel: nil)) }
    }

    private static func uniqueViolation(_ error: any Error) -> String? {
        guard let error = error as? PSQLError, error.serverInfo?[.sqlState] == PostgresError.Code.uniqueViolation.raw else { return nil }
        return error.serverInfo?[.message] ?? "unique violation"
    }

    package func close() async throws {
        runTask.cancel()
        await runTask.value
    }
}
