import AsyncHTTPClient
import Foundation
package import GatehouseServer
import Logging
import NIOCore
import NIOFoundationCompat
package import NIOHTTP1
import ServiceLifecycle

/// A real Gatehouse on a loopback port, in this process: real HTTP, real git, a real database of either
/// backend, and a data directory of its own.
package final class TestServer: Sendable {
    package let directory: TestDirectory
    package let database: TestDatabase?
    package let server: GatehouseServer
    package let baseURL: String
    package let port: Int
    package static let adminPassword = "admin-secret"
    private let task: Task<Void, any Error>
    private let group: ServiceGroup

    private init(
        directory: TestDirectory, database: TestDatabase?, server: GatehouseServer, port: Int, task: Task<Void, any Error>, group: ServiceGroup
    ) {
        self.directory = directory
        self.database = database
        self.server = server
        self.port = port
        self.baseURL = "http://127.0.0.1:\(port)"
        self.task = task
        self.group = group
    }

    /// Starts a server and waits until it listens.
    ///
    /// The pipelines are off unless `configure` turns them on (`runsPipelines`), so tests of review features see
    /// no background votes; gate tests turn them on with a short poll interval.
    /// - Parameter configure: adjusts the configuration (pack limit, demo, pipelines) before start.
    package static func start(
        _ backend: TestBackend = .sqlite, configure: (inout ServerConfiguration) -> Void = { _ in }
    ) async throws -> TestServer {
        let directory = try TestDirectory("server")
        var configuration = ServerConfiguration()
        configuration.dataDirectory = directory.path
        configuration.port = freePort()
        configuration.adminPassword = adminPassword
        configuration.runsPipelines = false
        configuration.executorSlots = 4
        configuration.gatePollInterval = .milliseconds(200)
        var database: TestDatabase?
        if backend == .postgres {
            let (url, name) = try await TestDatabase.createPostgresDatabase()
            configuration.databaseURL = url
            database = TestDatabase.placeholder(backend: .postgres, url: url, name: name)
        }
        configure(&configuration)
        var logger = Logger(label: "gatehouse-test")
        // GATEHOUSE_TEST_LOG=debug shows what the server did while a test ran.
        logger.logLevel = ProcessInfo.processInfo.environment["GATEHOUSE_TEST_LOG"].flatMap(Logger.Level.init(rawValue:)) ?? .warning
        // A port that was free can be taken before the server binds it; then the start fails (it never hangs) and
        // is tried again on another port, on the same data.
        for attempt in 1...5 {
            if attempt > 1 { configuration.port = freePort() }
            let server = try await GatehouseServer.prepare(configuration, logger: logger)
            let (started, continuation) = AsyncStream<Int>.makeStream()
            let app = server.application { port in continuation.yield(port) }
            // A service group of its own, so stopping is a graceful shutdown rather than a cancellation.
            let group = ServiceGroup(services: server.services(app: app), logger: logger)
            let task = Task {
                defer { continuation.finish() }
                try await group.run()
            }
            var iterator = started.makeAsyncIterator()
            if let port = await iterator.next() {
                return TestServer(directory: directory, database: database, server: server, port: port, task: task, group: group)
            }
            let failure = await task.result
            try? await server.close()
            logger.warning("test server did not start on port \(configuration.port) (attempt \(attempt)): \(failure)")
        }
        throw TestSetupError("server did not start")
    }

    /// Stops the server and removes its data.
    package func stop() async {
        await group.triggerGracefulShutdown()
        _ = try? await task.value
        try? await server.close()
        await database?.remove()
        directory.remove()
    }

    /// Sends a request and returns the status and body text.
    package func request(
        _ method: HTTPMethod, _ path: String, user: (String, String)? = nil, json: String? = nil, headers: [(String, String)] = [],
        body: String? = nil
    ) async throws -> (status: Int, body: String, headers: HTTPHeaders) {
        var request = HTTPClientRequest(url: baseURL + path)
        request.method = method
        if let (name, password) = user {
            request.headers.add(name: "Authorization", value: "Basic " + Data("\(name):\(password)".utf8).base64EncodedString())
        }
        if let json {
            request.headers.add(name: "Content-Type", value: "application/json; charset=UTF-8")
            request.body = .bytes(ByteBuffer(string: json))
        }
        if let body { request.body = .bytes(ByteBuffer(string: body)) }
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        // No kept-alive connections: the server's graceful shutdown would wait for them.
        request.headers.add(name: "Connection", value: "close")
        let response = try await Self.client.execute(request, timeout: .seconds(60))
        let body = try await response.body.collect(upTo: 64 << 20)
        return (Int(response.status.code), String(buffer: body), response.headers)
    }

    /// A client that hands redirects back instead of following them, so tests see the web pages' 303s.
    private static let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: .init(redirectConfiguration: .disallow))

    /// The admin's credentials.
    package var admin: (String, String) { ("admin", Self.adminPassword) }

    /// Parses a Gerrit JSON response, insisting on the `)]}'` prefix clients cut off.
    package static func gerritJSON(_ body: String) throws -> Any {
        guard body.hasPrefix(")]}'\n") else { throw TestSetupError("response lacks the XSSI prefix: \(body.prefix(80))") }
        return try JSONSerialization.jsonObject(with: Data(body.dropFirst(5).utf8), options: [.fragmentsAllowed])
    }

    /// Creates an account with a password through the REST API, as an administrator would.
    package func createUser(_ username: String, groups: [String] = []) async throws -> (String, String) {
        let password = "\(username)-password"
        let groupsJSON = groups.map { "\"\($0)\"" }.joined(separator: ",")
        let response = try await request(
            .PUT, "/a/accounts/\(username)", user: admin,
            json: #"{"name":"\#(username.capitalized)","email":"\#(username)@example.com","http_password":"\#(password)","groups":[\#(groupsJSON)]}"#
        )
        guard response.status == 201 else { throw TestSetupError("creating \(username) failed: \(response.status) \(response.body)") }
        return (username, password)
    }

    /// Creates a project with an initial empty commit on `main`.
    package func createProject(_ name: String, extra: String = "") async throws {
        let response = try await request(.PUT, "/a/projects/\(name.replacingOccurrences(of: "/", with: "%2F"))", user: admin,
            json: #"{"create_empty_commit":true\#(extra)}"#)
        guard response.status == 201 else { throw TestSetupError("creating project \(name) failed: \(response.status) \(response.body)") }
    }

    /// A clone URL with credentials embedded, as a user's remote would hold after `git credential` fills in.
    package func url(_ project: String, user: (String, String)? = nil) -> String {
        guard let (name, password) = user else { return "\(baseURL)/\(project)" }
        return "http://\(name):\(password)@127.0.0.1:\(port)/\(project)"
    }
}

extension TestDatabase {
    /// A handle that only owns a database the server itself connects to, so ``remove()`` drops it.
    package static func placeholder(backend: TestBackend, url: String, name: String) -> TestDatabase {
        TestDatabase(backend: backend, store: nil, postgresURL: url, postgresName: name)
    }
}
