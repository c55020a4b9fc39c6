import ArgumentParser
import AsyncHTTPClient
import Foundation
import GatehouseCore
import GatehouseServer
import GatehouseStore
import GatehouseTesting
import Logging
import NIOCore
import NIOHTTP1
import SQLKit

/// The read path at scale: `GET /changes/?q=status:open+project:X&n=25` (a dashboard; once as the same URL
/// again and again, as polling clients send it, and once with a new URL each time, which the search cache
/// cannot answer) and `GET /changes/{id}/detail` (a change page) on a database of 100,000 changes, under 64 concurrent
/// connections, each beside `GET /config/server/version` (the server's cheapest route) loaded the same way in
/// the same run, plus the server's resident memory after the load.
///
/// The server is the real `gatehouse` binary in its own process, so its RSS is its own and wrk's load meets
/// the same accept loop, thread pool and database pool production does. `swift build -c release` builds both
/// executables into one folder; the bench runs the `gatehouse` found beside itself.
struct APIBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "api", abstract: "Change query and change detail under concurrent load (wrk), and the server's RSS."
    )

    @Option(help: "Changes to seed.")
    var changes = 100_000

    @Option(help: "postgres://user@host:port/db of a PostgreSQL cluster to measure on instead of SQLite; a scratch database is created there and dropped afterwards.")
    var database: String?

    @Option(help: "Seconds of load for each route (after a short warm-up that is not counted).")
    var duration = 10

    @Option(help: "Concurrent connections wrk keeps open.")
    var connections = 64

    @Option(help: "wrk threads.")
    var threads = 2

    /// The goals of the issue this bench answers, printed beside each figure.
    static let goalP99Milliseconds = 20.0
    static let goalThroughputRatio = 0.30
    static let goalResidentMegabytes = 200.0

    func validate() throws {
        guard changes >= 100 else { throw ArgumentParser.ValidationError("--changes must be at least 100, so a project has a full page of open changes") }
        guard duration >= 1, connections >= 1, threads >= 1, connections >= threads else {
            throw ArgumentParser.ValidationError("--duration, --connections and --threads must be positive, with at least one connection per thread")
        }
    }

    func run() async throws {
        // Both tools first: finding one missing after a minute of seeding would waste the minute.
        let wrk = Wrk(executable: try Wrk.locate(), threads: threads, connections: connections)
        let executable = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent().appendingPathComponent("gatehouse").path
        guard FileManager.default.isExecutableFile(atPath: executable) else {
            throw BenchError("\(executable) is missing: build both executables in the same configuration, e.g. `swift build -c release`")
        }
        let directory = try TestDirectory("apibench")
        defer { directory.remove() }
        var scratch: (url: String, name: String)?
        if let database { scratch = try await TestDatabase.createPostgresDatabase(adminURL: database) }
        do {
            try await benchmark(in: directory, databaseURL: scratch?.url, wrk: wrk)
        } catch {
            await drop(scratch)
            throw error
        }
        await drop(scratch)
    }

    private func drop(_ scratch: (url: String, name: String)?) async {
        guard let scratch, let database else { return }
        await TestDatabase.placeholder(backend: .postgres, url: scratch.url, name: scratch.name).remove(adminURL: database)
    }

    private func benchmark(in directory: TestDirectory, databaseURL: String?, wrk: Wrk) async throws {
        let dataDirectory = directory.file("data")
        let clock = ContinuousClock()
        let seedStart = clock.now
        let summary = try await seed(dataDirectory: dataDirectory, databaseURL: databaseURL)
        let seedTime = clock.now - seedStart

        let server = try await ServerProcess(dataDirectory: dataDirectory, port: freePort(), databaseURL: databaseURL)
        do {
            let process = try ProcessStatus.child(named: "gatehouse")
            try await load(server: server, process: process, summary: summary, seedTime: seedTime, directory: directory, wrk: wrk)
        } catch {
            _ = server.terminate()
            throw error
        }
        _ = server.terminate()
    }

    /// Migrates and bootstraps the way a first start does (with the demo project), then writes the history.
    private func seed(dataDirectory: String, databaseURL: String?) async throws -> BenchSeeder.Summary {
        var configuration = ServerConfiguration()
        configuration.dataDirectory = dataDirectory
        configuration.databaseURL = databaseURL
        configuration.adminPassword = "bench-password"
        configuration.seedDemo = true
        var logger = Logger(label: "bench")
        logger.logLevel = .error
        let prepared = try await GatehouseServer.prepare(configuration, logger: logger)
        do {
            let now = Timestamp(nanosecondsSinceEpoch: Int64(Date().timeIntervalSince1970 * 1e9))
            let summary = try await BenchSeeder(changeCount: changes).run(in: prepared.store, now: now)
            // PostgreSQL's autovacuum analyzes a freshly loaded table within a minute or so; doing it now measures
            // that steady state rather than the race. SQLite is left as is: Gatehouse never runs ANALYZE there.
            if databaseURL != nil { try await prepared.store.write { tx in try await tx.sql.raw("ANALYZE").run() } }
            try await prepared.close()
            return summary
        } catch {
            try? await prepared.close()
            throw error
        }
    }

    private func load(
        server: ServerProcess, process: ProcessStatus, summary: BenchSeeder.Summary, seedTime: Duration, directory: TestDirectory, wrk: Wrk
    ) async throws {
        let base = server.baseURL
        let busiest = summary.busiestProject
        let trivialPath = "/config/server/version"
        let queryPath = "/changes/?q=status:open+project:\(busiest)&n=25"
        try await verify(base: base, trivial: trivialPath, query: queryPath, project: busiest, summary: summary)
        let script = directory.file("detail.lua")
        try detailScript(first: summary.firstChange, count: summary.changes, threads: threads).write(toFile: script, atomically: true, encoding: .utf8)
        let uncachedScript = directory.file("uncached.lua")
        try uncachedQueryScript(queryPath).write(toFile: uncachedScript, atomically: true, encoding: .utf8)

        print("backend: \(database == nil ? "SQLite" : "PostgreSQL"), \(grouped(summary.changes)) changes (\(grouped(summary.openChanges)) open) in \(BenchSeeder.projects.count) projects; busiest \(busiest) with \(grouped(summary.openByProject[busiest] ?? 0)) open")
        print("seeded in \(format(seconds(seedTime))) s: \(summary.accounts) accounts, \(grouped(summary.patchSets)) patch sets, \(grouped(summary.votes)) votes, \(grouped(summary.messages)) messages")
        print("load: wrk --latency, \(threads) threads, \(connections) connections, \(duration) s per route on loopback, each route right after a run of the trivial one")

        // The reference runs again right before each route: this machine's speed drifts by a quarter within a
        // minute, and a ratio to a reference measured minutes earlier would carry that drift.
        let routes: [(label: String, path: String, script: String?)] = [
            ("GET \(queryPath) (the same URL each time: answered from the search cache between writes)", queryPath, nil),
            ("GET \(queryPath)&r=N (a new URL each time, so never from the cache)", queryPath, uncachedScript),
            ("GET /changes/{id}/detail (cycling over all \(grouped(summary.changes)) changes)", "/changes/{id}/detail", script),
        ]
        var measured: [(label: String, reference: Wrk.Result, result: Wrk.Result)] = []
        for (index, route) in routes.enumerated() {
            let reference = try await measure(base + trivialPath, script: nil, output: directory.file("wrk-\(index)-reference.txt"), wrk: wrk)
            let result = try await measure(base + (route.script == nil ? route.path : "/"), script: route.script, output: directory.file("wrk-\(index).txt"), wrk: wrk)
            measured.append((route.label, reference, result))
        }
        let memory = try process.memory()

        print("GET \(trivialPath) (reference, measured right before each route): " + measured.map { figures($0.reference) }.joined(separator: "; "))
        for (label, reference, result) in measured {
            let ratio = result.requestsPerSecond / reference.requestsPerSecond
            print("\(label): \(figures(result)) (goal p99 <= \(String(format: "%.0f", Self.goalP99Milliseconds)) ms); \(format(ratio))x the trivial route (goal >= \(format(Self.goalThroughputRatio))x)")
        }
        let scope = database == nil ? "" : "; the gatehouse process only, not PostgreSQL's"
        print("server RSS after load: \(String(format: "%.0f", memory.resident)) MB, peak \(String(format: "%.0f", memory.peak)) MB (goal <= \(String(format: "%.0f", Self.goalResidentMegabytes)) MB\(scope))")
    }

    /// `url` under load for `duration` seconds, after a short warm-up that is not counted.
    private func measure(_ url: String, script: String?, output: String, wrk: Wrk) async throws -> Wrk.Result {
        _ = try await wrk.run(url, seconds: min(2, duration), script: script, output: output)
        return try await wrk.run(url, seconds: duration, script: script, output: output)
    }

    private func figures(_ result: Wrk.Result) -> String {
        var text = "\(grouped(Int(result.requestsPerSecond.rounded()))) req/s, p50 \(format(result.p50)) ms, p99 \(format(result.p99)) ms"
        if let errors = result.socketErrors { text += " [socket errors: \(errors)]" }
        return text
    }

    /// One GET of each URL before any timing: a fast error page would otherwise pass for a fast route.
    private func verify(base: String, trivial: String, query: String, project: String, summary: BenchSeeder.Summary) async throws {
        _ = try await gerritJSON(base + trivial)
        guard let list = try await gerritJSON(base + query) as? [[String: Any]], list.count == 25 else {
            throw BenchError("\(query) did not return a list of 25 changes")
        }
        guard list.allSatisfy({ $0["project"] as? String == project && $0["status"] as? String == "NEW" }) else {
            throw BenchError("\(query) returned changes of another project or status")
        }
        for number in [summary.firstChange, summary.firstChange + summary.changes / 2, summary.firstChange + summary.changes - 1] {
            let path = "/changes/\(number)/detail"
            guard let detail = try await gerritJSON(base + path) as? [String: Any], detail["_number"] as? Int == number,
                (detail["messages"] as? [Any])?.count == 2, detail["labels"] != nil
            else { throw BenchError("\(path) did not return change \(number) with its messages and labels") }
        }
    }

    /// GETs `url` on a connection of its own (closed afterwards, so it cannot delay the server's shutdown) and
    /// parses Gerrit's JSON, insisting on 200 and the `)]}'` prefix.
    private func gerritJSON(_ url: String) async throws -> Any {
        var request = HTTPClientRequest(url: url)
        request.headers.add(name: "Connection", value: "close")
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(30))
        let body = String(buffer: try await response.body.collect(upTo: 16 << 20))
        guard response.status == .ok else { throw BenchError("GET \(url): \(response.status): \(body.prefix(200))") }
        return try TestServer.gerritJSON(body)
    }

    /// A wrk script that walks all seeded changes with a stride coprime to their count, each thread from its own
    /// starting point, so the load reads many different rows instead of one hot change.
    private func detailScript(first: Int, count: Int, threads: Int) -> String {
        var stride = 7919
        while gcd(stride, count) != 1 { stride += 1 }
        return """
            local started = 0
            function setup(thread)
              thread:set("position", (started * \(count / max(threads, 1))) % \(count))
              started = started + 1
            end
            function request()
              position = (position + \(stride)) % \(count)
              return wrk.format(nil, "/changes/" .. string.format("%d", \(first) + position) .. "/detail")
            end

            """
    }

    /// A wrk script that adds a parameter the server ignores, different in every request, so each search is
    /// computed anew: the cost of a search the cache cannot answer.
    private func uncachedQueryScript(_ path: String) -> String {
        """
        local count = 0
        function setup(thread)
          thread:set("count", count * 1000000000)
          count = count + 1
        end
        function request()
          count = count + 1
          return wrk.format(nil, "\(path)&r=" .. string.format("%d", count))
        end

        """
    }

    private func gcd(_ a: Int, _ b: Int) -> Int { b == 0 ? a : gcd(b, a % b) }

    private func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    /// 12345 as `12,345`: the figures are read by people.
    private func grouped(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var result = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { result.append(",") }
            result.append(digit)
        }
        return (value < 0 ? "-" : "") + result
    }
}
