import ArgumentParser
import Foundation
import GatehouseServer
import Hummingbird
import Logging
import ServiceLifecycle
import UnixSignals

/// `gatehouse serve`: runs the server until SIGINT or SIGTERM.
struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Serve the REST API, git over HTTP and the commit-msg hook.")

    @Option(help: "Directory for the SQLite database, repositories and the admin password file.")
    var dataDir = "./gatehouse-data"

    @Option(help: "Address to listen on.")
    var host = "127.0.0.1"

    @Option(help: "Port to listen on.")
    var port = 8080

    @Option(help: "postgres://user:password@host:port/database to use PostgreSQL instead of the embedded SQLite file.")
    var database: String?

    @Option(help: "The URL users reach Gatehouse at (default: http://HOST:PORT).")
    var baseURL: String?

    @Option(help: "Largest pack a push may send, in MiB.")
    var maxPackSize = 100

    @Flag(help: "Create a 'demo' project to clone, if it does not exist yet.")
    var demo = false

    @Option(help: "Builds that may run at once, check and gate together (default: the number of CPUs).")
    var executorSlots: Int?

    @Flag(help: "Run jobs without the bubblewrap sandbox (proposed code then runs with the server's rights).")
    var unsandboxedJobs = false

    @Option(help: "The gate window: how many queued changes build at once to start with.")
    var gateWindow = 20

    @Option(help: "The smallest the gate window shrinks to after failures.")
    var gateWindowFloor = 3

    @Option(help: "How often a failed gate build is rerun before its change counts as failing.")
    var gateRetries = 1

    @Option(help: "Send mail through smtp://[user:password@]host[:port][?starttls=true&ca=FILE] (or smtps://…); checked at start-up.")
    var smtpURL: String?

    @Option(help: "The From address of Gatehouse's mail, e.g. \"Gatehouse <gatehouse@example.com>\" (needed with --smtp-url).")
    var mailFrom: String?

    @Option(help: "Log level: trace, debug, info, notice, warning, error, critical.")
    var logLevel = "info"

    func run() async throws {
        guard let level = Logger.Level(rawValue: logLevel) else { throw ValidationError("unknown log level \(logLevel)") }
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
        let logger = Logger(label: "gatehouse")

        var configuration = ServerConfiguration()
        configuration.dataDirectory = dataDir
        configuration.host = host
        configuration.port = port
        configuration.databaseURL = database
        configuration.baseURL = baseURL
        configuration.maxPackBytes = maxPackSize << 20
        configuration.adminPassword = ProcessInfo.processInfo.environment["GATEHOUSE_ADMIN_PASSWORD"].flatMap { $0.isEmpty ? nil : $0 }
        configuration.seedDemo = demo
        if let executorSlots {
            guard executorSlots >= 1 else { throw ValidationError("--executor-slots must be at least 1") }
            configuration.executorSlots = executorSlots
        }
        guard gateWindowFloor >= 1, gateWindow >= gateWindowFloor else {
            throw ValidationError("--gate-window must be at least --gate-window-floor, which must be at least 1")
        }
        guard gateRetries >= 0 else { throw ValidationError("--gate-retries cannot be negative") }
        configuration.unsandboxedJobs = unsandboxedJobs
        configuration.gateWindow = gateWindow
        configuration.gateWindowFloor = gateWindowFloor
        configuration.gateRetries = gateRetries
        configuration.smtpURL = smtpURL
        configuration.mailFrom = mailFrom

        let server = try await GatehouseServer.prepare(configuration, logger: logger)
        if let password = server.generatedAdminPassword {
            say("""
                Created account 'admin' (group Administrators) with HTTP password:

                    \(password)

                It is also in \(dataDir)/admin-password (mode 0600). It will not be shown again.
                """)
        }
        if let problem = server.sandboxProblem {
            logger.error("jobs will not run: \(problem)")
        } else if unsandboxedJobs {
            logger.warning("jobs run WITHOUT a sandbox (--unsandboxed-jobs): proposed code runs with this server's rights")
        }
        let baseURL = configuration.effectiveBaseURL
        let app = server.application { _ in
            say("Gatehouse is serving \(baseURL)" + (demo ? "  (try: git clone \(baseURL)/demo)" : ""))
        }
        let group = ServiceGroup(
            configuration: .init(services: server.services(app: app), gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        do {
            try await group.run()
        } catch {
            try? await server.close()
            throw error
        }
        try await server.close()
    }
}

/// Prints at once, even when standard output is a pipe (a supervisor, a test), where `print` would buffer.
///
/// A reader that went away (`gatehouse changes | head -1`) ends the command quietly, as with any Unix tool,
/// instead of trapping on the broken pipe.
func say(_ text: String) {
    do {
        try FileHandle.standardOutput.write(contentsOf: Data((text + "\n").utf8))
    } catch {
        exit(0)
    }
}
