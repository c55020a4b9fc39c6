import Foundation
import GatehouseTesting
import NIOHTTP1
import Testing

/// `/metrics` in Prometheus's text format, for administrators.
@Suite(.timeLimit(.minutes(3))) struct MetricsTests {
    @Test("requests, builds by result, events and webhook deliveries are exported; only administrators may read them")
    func exported() async throws {
        let f = try await GateFixture.start()
        let change = try await f.propose("Measure me", file: "m.txt", content: "m\n")
        try await f.waitForVerified(change, 1)
        #expect(try await f.server.request(.GET, "/metrics").status == 401)
        #expect(try await f.server.request(.GET, "/a/metrics", user: f.alice).status == 403)

        let response = try await f.server.request(.GET, "/a/metrics", user: f.server.admin)
        #expect(response.status == 200)
        #expect(response.headers.first(name: "Content-Type")?.hasPrefix("text/plain; version=0.0.4") == true)
        let lines = Set(response.body.split(separator: "\n").map(String.init))
        #expect(lines.contains("# TYPE gatehouse_http_requests_total counter"))
        #expect(lines.contains { $0.hasPrefix(#"gatehouse_http_requests_total{method="GET",code="403"} "#) })
        #expect(lines.contains { $0.hasPrefix(#"gatehouse_http_request_duration_seconds_bucket{le="+Inf"} "#) })
        // The demo's two check jobs passed on the change.
        #expect(lines.contains(#"gatehouse_builds_total{pipeline="check",result="SUCCESS"} 2"#), "\(response.body)")
        let events = lines.first { $0.hasPrefix("gatehouse_events_total ") }.flatMap { Int($0.split(separator: " ")[1]) } ?? 0
        #expect(events >= 5, "patch set, two builds started and completed, the Verified vote")
        #expect(lines.contains(#"gatehouse_webhook_deliveries{state="pending"} 0"#))
        #expect(lines.contains("gatehouse_event_streams 0"))
        await f.stop()
    }
}
