import Foundation
package import GatehouseCore
package import GatehouseEvents
import GatehouseExecutor
package import GatehouseGate
import GatehouseGit
import GatehouseHTTP
import GatehousePostgres
package import GatehouseReview
import GatehouseSQLite
package import GatehouseStore
package import Hummingbird
package import Logging
import NIOCore
package import ServiceLifecycle

/// The composition root: opens the database, migrates it, bootstraps, and builds the HTTP application.
package struct GatehouseServer: Sendable {
    package let configuration: ServerConfiguration
    package let store: Store
    package let context: ReviewContext
    /// The check and gate pipelines; run it as a service beside the application (`services(app:)`).
    package let gate: GateScheduler
    /// The event log's readers: the live tail behind `/a/events` and the webhook worker.
    package let events: EventServices
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
            connector = try SQLiteConnector.open(path: configuration.sqlitePath)
        }
        let store = Store(connector: connector)
        do {
            try await store.migrate(logger: logger)
            let context = ReviewContext(
                store: store, git: Git(), repositoryRoot: configuration.repositoryRoot, baseURL: configuration.effectiveBaseURL,
                clock: clock ?? ReviewContext.systemClock, logger: logger
            )
            let outcome = try await Bootstrap.run(configuration: configuration, context: context)
            let gate = GateScheduler(context: context, options: gateOptions(configuration))
            context.notifier.listen { gate.nudge($0) }
            let mail = try await mailWorker(configuration, store: store, context: context)
            let hub = EventHub(store: store, logger: logger)
            try await hub.start()
            let events = EventServices(
                hub: hub,
                worker: WebhookWorker(
                    store: store, policy: configuration.webhookRetry, timeout: configuration.webhookTimeout, clock: context.clock, logger: logger),
                administration: WebhookAdministration(
                    store: store,
                    target: WebhookTarget(listenHost: configuration.host, listenPort: configuration.port, baseURL: context.baseURL),
                    clock: context.clock),
                mail: mail)
            return GatehouseServer(
                configuration: configuration, store: store, context: context, gate: gate, events: events,
                generatedAdminPassword: outcome.generatedAdminPassword
            )
        } catch {
            try? await store.close()
            throw error
        }
    }

    /// The mail worker for `--smtp-url`, after proving the settings work: a wrong host, port, password or TLS
    /// setting stops the start with the reason, instead of failing quietly at the first mail.
    static func mailWorker(_ configuration: ServerConfiguration, store: Store, context: ReviewContext) async throws -> MailWorker? {
        guard let url = configuration.smtpURL else {
            if configuration.mailFrom != nil { throw SMTPError.configuration("--mail-from needs --smtp-url") }
            return nil
        }
        let smtp = try SMTPConfiguration(url: url)
        guard let from = configuration.mailFrom else { throw SMTPError.configuration("--smtp-url needs --mail-from ADDRESS") }
        let sender = try MailAddress(parsing: from)
        let client = SMTPClient(configuration: smtp, heloName: sender.domain, timeout: configuration.smtpTimeout)
        try await client.verify(sender: sender)
        return MailWorker(
            store: store, client: client, composer: MailComposer(sender: sender, baseURL: context.baseURL), policy: configuration.mailRetry,
            clock: context.clock, logger: context.logger)
    }

    /// The Hummingbird application serving REST, git and the hook.
    package func application(
        onServerRunning: @escaping @Sendable (_ port: Int) async -> Void = { _ in }
    ) -> some ApplicationProtocol {
        let responder = GatehouseResponder(
            context: context, authenticator: Authenticator(store: store),
            settings: HTTPSettings(maxPackBytes: configuration.maxPackBytes, logRoot: configuration.logRoot),
            gate: gate, events: events
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

    /// How the configuration's gate settings become the scheduler's options; without bubblewrap (and without
    /// `--unsandboxed-jobs`) jobs are not run, and every build says why.
    static func gateOptions(_ configuration: ServerConfiguration) -> GateOptions {
        let sandbox: Result<ExecutorSettings, ExecutorError>
        if configuration.unsandboxedJobs {
            sandbox = .success(ExecutorSettings(sandbox: .unsandboxed, outputLimitBytes: configuration.jobOutputLimitBytes))
        } else {
            sandbox = Result { () throws(ExecutorError) in
                ExecutorSettings(sandbox: try SandboxMode.locateBubblewrap(), outputLimitBytes: configuration.jobOutputLimitBytes)
            }
        }
        let floor = max(1, configuration.gateWindowFloor)
        return GateOptions(
            executorSlots: max(1, configuration.executorSlots),
            window: GateWindow(start: max(floor, configuration.gateWindow), floor: floor), retries: max(0, configuration.gateRetries),
            sandbox: sandbox, logRoot: configuration.logRoot, workspaceRoot: configuration.workspaceRoot,
            pollInterval: configuration.gatePollInterval)
    }

    /// Why jobs cannot run on this server, or nil when they can.
    package var sandboxProblem: String? {
        if case .failure(let error) = Self.gateOptions(configuration).sandbox { return error.description }
        return nil
    }

    /// The application, the gate and the event readers, to run together in one service group.
    package func services(app: some ApplicationProtocol) -> [any Service] {
        var background: [any Service] = [BackgroundService { await events.hub.run() }, BackgroundService { await events.worker.run() }]
        if let mail = events.mail { background.append(BackgroundService { await mail.run() }) }
        return (configuration.runsPipelines ? [app, GateService(scheduler: gate)] : [app]) + background
    }

    /// Closes the database; call after the application stopped.
    package func close() async throws {
        try await store.close()
    }
}
