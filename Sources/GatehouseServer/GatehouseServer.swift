import Foundation
package import GatehouseCore
import GatehouseGit
import GatehouseHTTP
import GatehousePostgres
package import GatehouseReview
import GatehouseSQLite
package import GatehouseStore
package import Hummingbird
package import Logging
import NIOCore

/// The composition root: opens the database, migrates it, bootstraps, and builds the HTTP application.
package struct GatehouseServer: Sendable {
    package let configuration: ServerConfiguration
    package let store: Store
    package let context: ReviewContext
    /// Set on the first start when Gatehouse generated the admin password; show it to the operator once.
    package let generatedAdminPassword: String?

    /// Prepares everything but the listening socket.
    package static func prepare(
        _ configuration: ServerConfiguration, clock: (@Sendable () -> Timestamp)? = nil, logger: Logger
    ) async throws -> GatehouseServer {
        try FileManager.default.createDirectory(atPath: configuration.repositoryRoot, withIntermediateDirectories: true)
        let connector: any DatabaseConnector
        if let url = configuration.databaseURL {
            connector = try await PostgresConnector.connect(url: url, logger: logger)
        } else {
            connector = try await SQLiteConnector.open(path: configuration.sqlitePath, logger: logger)
        }
        let store = Store(connector: connector)
        do {
            try await store.migrate(logger: logger)
            let context = ReviewContext(
                store: store, git: Git(), repositoryRoot: configuration.repositoryRoot, baseURL: configuration.effectiveBaseURL,
                clock: clock ?? ReviewContext.systemClock, logger: logger
            )
            let outcome = try await Bootstrap.run(configuration: configuration, context: context)
            return GatehouseServer(
                configuration: configuration, store: store, context: context, generatedAdminPassword: outcome.generatedAdminPassword
            )
        } catch {
            try? await store.close()
            throw error
        }
    }

    /// The Hummingbird application serving REST, git and the hook.
    package func application(
        onServerRunning: @escaping @Sendable (_ port: Int) async -> Void = { _ in }
    ) -> some ApplicationProtocol {
        let responder = GatehouseResponder(
            context: context, authenticator: Authenticator(store: store),
            settings: HTTPSettings(maxPackBytes: configuration.maxPackBytes)
        )
        return Application(
            responder: responder,
            configuration: ApplicationConfiguration(
                address: .hostname(configuration.host, port: configuration.port), serverName: "Gatehouse"
            ),
            onServerRunning: { channel in await onServerRunning(channel.localAddress?.port ?? 0) },
            logger: context.logger
        )
    }

    /// Closes the database; call after the application stopped.
    package func close() async throws {
        try await store.close()
    }
}
