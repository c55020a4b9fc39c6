import ArgumentParser
import AsyncHTTPClient
import Foundation
import GatehouseGit
import GatehouseTesting
import NIOCore
import NIOHTTP1

/// The event stream under load: C clients follow `/a/events` while writes produce events at R per second;
/// the lag from each write to its arrival at every client, beside the write's own round trip measured in the
/// same run, and the server's resident memory with all clients connected.
///
/// Lag is measured from the moment the write was sent, so it is an upper bound on commit-to-delivery: it
/// includes the part of the write's round trip before its commit.
struct EventsBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "events", abstract: "SSE delivery lag with many clients, and the server's RSS.")

    @Option(help: "SSE clients following the stream.")
    var clients = 100

    @Option(help: "Events produced per second.")
    var rate = 200

    @Option(help: "Seconds of production.")
    var seconds = 10

    static let goalP99Milliseconds = 50.0

    func run() async throws {
        let directory = try TestDirectory("eventsbench")
        defer { directory.remove() }
        let port = freePort()
        let server = try await ServerProcess(dataDirectory: directory.file("data"), port: port, extraArguments: ["--demo"])
        defer { _ = server.terminate() }
        let process = try ProcessStatus.child(named: "gatehouse")
        var configuration = HTTPClient.Configuration()
        // Streams hold their connections for the whole run; writes need their own on top.
        configuration.connectionPool = .init(idleTimeout: .seconds(60), concurrentHTTP1ConnectionsPerHostSoftLimit: clients + 512)
        let http = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
        do {
            try await measure(server: server, process: process, http: http, directory: directory)
        } catch {
            try? await http.shutdown()
            throw error
        }
        try await http.shutdown()
    }

    private func measure(server: ServerProcess, process: ProcessStatus, http: HTTPClient, directory: TestDirectory) async throws {
        let port = server.port
        let admin = ("admin", TestServer.adminPassword)
        // One change whose topic the writes change: every write is one transaction with one event.
        let work = try await GitWorkTree.clone(server.baseURL + "/demo", in: directory)
        try await work.commit(GitWorkTree.message("Topic target"), file: "t.txt")
        guard try await work.push("http://admin:\(TestServer.adminPassword)@127.0.0.1:\(port)/demo", "HEAD:refs/for/main").succeeded else {
            throw BenchError("pushing the change failed")
        }
        var streams: [EventStreamClient] = []
        for _ in 0..<clients {
            streams.append(try await EventStreamClient.connect(server.baseURL + "/a/events", user: admin, client: http))
        }
        let baseline = try process.memory()

        let total = rate * seconds
        let interval = Duration.seconds(1) / rate
        let clock = ContinuousClock()
        let start = clock.now
        let sent = try await withThrowingTaskGroup(of: (Int, ContinuousClock.Instant, Duration).self) { group in
            for index in 0..<total {
                try await clock.sleep(until: start + interval * index)
                group.addTask {
                    let sentAt = clock.now
                    try await Self.setTopic("t\(index)", port: port, user: admin, client: http)
                    return (index, sentAt, clock.now - sentAt)
                }
            }
            return try await group.reduce(into: [:]) { $0[$1.0] = ($1.1, $1.2) }
        }
        let produced = clock.now - start
        try await Task.sleep(for: .seconds(1))
        let loaded = try process.memory()

        var lag = Sample()
        var afterAnswer = Sample()
        var roundTrip = Sample()
        for (_, (_, duration)) in sent { roundTrip.add(duration) }
        var missing = 0
        for stream in streams {
            var seen = Set<Int>()
            for message in stream.drain() {
                let json = message.json
                guard json["type"] as? String == "topic-changed", let topic = (json["change"] as? [String: Any])?["topic"] as? String,
                    let index = Int(topic.dropFirst()), let (sentAt, took) = sent[index]
                else { continue }
                seen.insert(index)
                lag.add(message.receivedAt - sentAt)
                afterAnswer.add(max(.zero, message.receivedAt - (sentAt + took)))
            }
            missing += total - seen.count
            stream.close()
        }

        let achieved = Double(total) / (Double(produced.components.seconds) + Double(produced.components.attoseconds) / 1e18)
        print("events: \(clients) SSE clients, \(total) events at \(rate)/s (achieved \(String(format: "%.0f", achieved))/s), SQLite")
        print("  lag write-sent → client   p50 \(format(lag.median)) ms  p99 \(format(lag.percentile(99))) ms  max \(format(lag.percentile(100))) ms"
            + "   (goal p99 ≤ \(format(Self.goalP99Milliseconds)) ms)")
        print("  lag write-answered → client   p50 \(format(afterAnswer.median)) ms  p99 \(format(afterAnswer.percentile(99))) ms"
            + "   (0 when the event arrived first; commit → client lies between the two)")
        print("  reference: the write's own round trip   p50 \(format(roundTrip.median)) ms  p99 \(format(roundTrip.percentile(99))) ms")
        print("  deliveries \(lag.milliseconds.count) of \(total * clients) expected, \(missing) missing")
        print("  server RSS \(format(baseline.resident)) MiB with the clients connected, \(format(loaded.resident)) MiB after the load "
            + "(peak \(format(loaded.peak)) MiB)")
    }

    private static func setTopic(_ topic: String, port: Int, user: (String, String), client: HTTPClient) async throws {
        var request = HTTPClientRequest(url: "http://127.0.0.1:\(port)/a/changes/1/topic")
        request.method = .PUT
        request.headers.add(name: "Authorization", value: "Basic " + Data("\(user.0):\(user.1)".utf8).base64EncodedString())
        request.headers.add(name: "Content-Type", value: "application/json")
        request.body = .bytes(ByteBuffer(string: #"{"topic":"\#(topic)"}"#))
        let response = try await client.execute(request, timeout: .seconds(30))
        _ = try await response.body.collect(upTo: 1 << 20)
        guard response.status == .ok else { throw BenchError("setting the topic answered \(response.status)") }
    }
}
