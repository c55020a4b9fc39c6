import Foundation
import GatehousePostgres
import GatehouseSQLite
package import GatehouseStore
import Logging
import SQLKit

/// A migrated, empty database of either backend, owned by one test.
///
/// SQLite: a new file in the test's directory. PostgreSQL: a new database on the test cluster, dropped by
/// ``remove()``; tests run in parallel, each in its own database.
package struct TestDatabase: Sendable {
    package let backend: TestBackend
    private let storeHandle: Store?
    /// The migrated store (not available on a handle that only owns a server's database).
    package var store: Store { storeHandle! }
    /// For PostgreSQL, the URL of the test's own database; nil for SQLite.
    package let postgresURL: String?
    private let postgresName: String?

    init(backend: TestBackend, store: Store?, postgresURL: String?, postgresName: String?) {
        self.backend = backend
        self.storeHandle = store
        self.postgresURL = postgresURL
        self.postgresName = postgresName
    }

    /// A store of `backend` migrated through `schemaVersion`: the newest unless a test of an upgrade asks for less.
    package static func make(
        _ backend: TestBackend, in directory: TestDirectory, schemaVersion: Int = Store.schemaVersion
    ) async throws -> TestDatabase {
        var logger = Logger(label: "test")
        logger.logLevel = .error
        switch backend {
        case .sqlite:
            let store = Store(connector: try SQLiteConnector.open(path: directory.file("gatehouse.sqlite")))
            try await store.migrate(through: schemaVersion, logger: logger)
            return TestDatabase(backend: backend, store: store, postgresURL: nil, postgresName: nil)
        case .postgres:
            let (url, name) = try await createPostgresDatabase()
            let store = Store(connector: try await PostgresConnector.connect(url: url, logger: logger))
            try await store.migrate(through: schemaVersion, logger: logger)
            return TestDatabase(backend: backend, store: store, postgresURL: url, postgresName: name)
        }
    }

    /// Runs `body` with a store of `backend` migrated through `schemaVersion`, in a directory of its own, and
    /// removes both afterwards, also when `body` throws.
    package static func withStore(
        _ backend: TestBackend, schemaVersion: Int = Store.schemaVersion, _ body: (Store) async throws -> Void
    ) async throws {
        let directory = try TestDirectory("store")
        defer { directory.remove() }
        let database = try await make(backend, in: directory, schemaVersion: schemaVersion)
        do {
            try await body(database.store)
        } catch {
            await database.remove()
            throw error
        }
        await database.remove()
    }

    /// A fresh database on the test cluster (or the cluster at `adminURL`), for a test, a server process under
    /// test, or a benchmark.
    package static func createPostgresDatabase(adminURL: String? = TestBackend.postgresAdminURL) async throws -> (url: String, name: String) {
        guard let adminURL, var components = URLComponents(string: adminURL) else {
            throw TestSetupError("GATEHOUSE_TEST_POSTGRES_URL is not set; run the tests with the README's test command")
        }
        let name = "gatehouse_test_\(UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(16).lowercased())"
        let admin = try await PostgresConnector.connect(url: adminURL, logger: Self.quietLogger)
        defer { Task { try? await admin.close() } }
        try await admin.autocommit { sql in try await sql.raw("CREATE DATABASE \(unsafeRaw: name)").run() }
        components.path = "/\(name)"
        return (components.string ?? adminURL, name)
    }

    package func remove(adminURL: String? = TestBackend.postgresAdminURL) async {
        try? await storeHandle?.close()
        guard let postgresName, let adminURL,
            let admin = try? await PostgresConnector.connect(url: adminURL, logger: Self.quietLogger)
        else { return }
        try? await admin.autocommit { sql in try await sql.raw("DROP DATABASE IF EXISTS \(unsafeRaw: postgresName) WITH (FORCE)").run() }
        try? await admin.close()
    }
}

/// The test environment is not what the tests need; the message says how to fix it.
package struct TestSetupError: Error, CustomStringConvertible {
    package let description: String
    package init(_ description: String) { self.description = description }
}

extension TestDatabase {
    /// Tests log errors only: the pool's start-up chatter would drown the test output.
    static var quietLogger: Logger {
        var logger = Logger(label: "test")
        logger.logLevel = .error
        return logger
    }
}
