import ArgumentParser
import AsyncHTTPClient
import Foundation
import GatehouseCore
import GatehouseGit
import GatehouseServer
import GatehouseTesting
import Logging
import NIOCore
import NIOHTTP1
import ServiceLifecycle

/// The review-server figures: a push for review against a plain `git push` to a bare repository over
/// `file://` (the floor: git's own receive-pack with no network, no auth and no review logic), and
/// `GET /changes/{id}` against `GET /config/server/version` (the server's cheapest route).
struct PushBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "push", abstract: "Push-for-review latency and change lookup latency.")

    @Option(help: "Pushes to time for each side.")
    var count = 50

    @Option(help: "Requests to time for each route.")
    var requests = 2000

    @Option(help: "postgres://user@host:port/db of a PostgreSQL cluster to measure on instead of SQLite; a scratch database is created there and dropped afterwards.")
    var database: String?

    func run() async throws {
        let directory = try TestDirectory("bench")
        defer { directory.remove() }
        var configuration = ServerConfiguration()
        configuration.dataDirectory = directory.file("data")
        configuration.port = freePort()
        configuration.adminPassword = "bench-password"
        var scratch: (url: String, name: String)?
        if let database { scratch = try await TestDatabase.createPostgresDatabase(adminURL: database) }
        configuration.databaseURL = scratch?.url
        configuration.seedDemo = true
        var logger = Logger(label: "bench")
        logger.logLevel = .error
        let server = try await GatehouseServer.prepare(configuration, logger: logger)
        let app = server.application()
        let serving = Task { try await app.run() }
        defer { serving.cancel() }
        let base = configuration.effectiveBaseURL
        try await waitUntilServing(base)

        // Two clients on the same history: one pushes for review, one to a plain bare repository.
        let git = Git()
        let plain = directory.file("plain.git")
        try await git.checked(["clone", "--quiet", "--bare", "\(base)/demo", plain])
        let review = try await GitWorkTree.clone("\(base)/demo", in: directory, name: "review")
        let control = try await GitWorkTree.clone("file://\(plain)", in: directory, name: "control")
        let reviewURL = "http://admin:bench-password@\(base.dropFirst("http://".count))/demo"

        var reviewSample = Sample()
        var plainSample = Sample()
        for index in -3..<count {  // three warm-up rounds, not counted
            try await review.commit(GitWorkTree.message("Bench change \(index)"), file: "f\(index).txt", content: "\(index)\n")
            try await control.commit(GitWorkTree.message("Bench change \(index)"), file: "f\(index).txt", content: "\(index)\n")
            // Alternate which side goes first, so drift in the machine's speed hits both alike.
            let order = index.isMultiple(of: 2) ? [true, false] : [false, true]
            for isReview in order {
                var output: GitOutput?
                let elapsed = try await measure {
                    output = isReview
                        ? try await review.push(reviewURL, "HEAD:refs/for/main")
                        : try await control.push("file://\(plain)", "HEAD:refs/heads/main")
                }
                guard output?.succeeded == true else { throw BenchError("push failed: \(output?.all ?? "")") }
                if index >= 0 { if isReview { reviewSample.add(elapsed) } else { plainSample.add(elapsed) } }
            }
        }
        let ratio = reviewSample.median / plainSample.median
        print("backend: \(database == nil ? "SQLite" : "PostgreSQL")")
        print("push for review (\(count) one-commit pushes): median \(format(reviewSample.median)) ms, p99 \(format(reviewSample.percentile(99))) ms")
        print("plain git push over file:// (reference):   median \(format(plainSample.median)) ms, p99 \(format(plainSample.percentile(99))) ms")
        print("ratio push-for-review / plain push: \(format(ratio))x (goal <= 2.00x)")

        // Change lookups against the cheapest route, interleaved the same way.
        let client = HTTPClient.shared
        var changeSample = Sample()
        var trivialSample = Sample()
        for index in 0..<(requests + 100) {
            let paths = ["/changes/demo~\(index % count + 1)", "/config/server/version"]
            for (position, path) in (index.isMultiple(of: 2) ? paths : paths.reversed()).enumerated() {
                let isChange = path.hasPrefix("/changes")
                let elapsed = try await measure {
                    let response = try await client.execute(HTTPClientRequest(url: base + path), timeout: .seconds(10))
                    guard response.status == .ok else { throw BenchError("\(path): \(response.status)") }
                    _ = try await response.body.collect(upTo: 1 << 20)
                }
                _ = position
                if index >= 100 { if isChange { changeSample.add(elapsed) } else { trivialSample.add(elapsed) } }
            }
        }
        print("GET /changes/{id} (\(requests) sequential requests): p50 \(format(changeSample.median)) ms, p99 \(format(changeSample.percentile(99))) ms")
        print("GET /config/server/version (reference):       p50 \(format(trivialSample.median)) ms, p99 \(format(trivialSample.percentile(99))) ms")
        serving.cancel()
        _ = try? await serving.value
        try await server.close()
        if let scratch, let database {
            await TestDatabase.placeholder(backend: .postgres, url: scratch.url, name: scratch.name).remove(adminURL: database)
        }
    }

    private func waitUntilServing(_ base: String) async throws {
        for _ in 0..<200 {
            if let response = try? await HTTPClient.shared.execute(HTTPClientRequest(url: base + "/config/server/version"), timeout: .seconds(1)),
                response.status == .ok
            {
                return
            }
            try await Task.sleep(for: .milliseconds(25))
        }
        throw BenchError("server did not start")
    }
}
