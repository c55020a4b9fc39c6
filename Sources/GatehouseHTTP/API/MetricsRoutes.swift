import Foundation
import GatehouseEvents
import GatehouseGate
import GatehouseReview
import GatehouseStore
import Hummingbird

/// `GET /metrics` (administrators, with HTTP Basic as Prometheus's `basic_auth` sends it): Prometheus's text
/// format. Request counts and latency come from memory; queue, build and webhook figures are read when
/// scraped, so they survive restarts and need no bookkeeping on the write paths.
struct MetricsRoutes {
    let context: ReviewContext
    let gate: GateScheduler?
    let hub: EventHub?
    let requests: RequestMetrics

    func handle(_ api: APIRequest) async throws -> Response {
        guard api.method == .get else { throw HTTPFailure.methodNotAllowed }
        try api.user.requireAdministrator()
        var text = ""
        func family(_ name: String, _ type: String, _ help: String) {
            text += "# HELP \(name) \(help)\n# TYPE \(name) \(type)\n"
        }

        let snapshot = requests.snapshot
        family("gatehouse_http_requests_total", "counter", "HTTP requests answered, by method and status code.")
        for (labels, count) in snapshot.requests.sorted(by: { $0.key < $1.key }) { text += "gatehouse_http_requests_total{\(labels)} \(count)\n" }
        family("gatehouse_http_request_duration_seconds", "histogram", "Time from request to response head.")
        for (index, bound) in RequestMetrics.bounds.enumerated() {
            text += "gatehouse_http_request_duration_seconds_bucket{le=\"\(bound)\"} \(snapshot.buckets[index])\n"
        }
        text += "gatehouse_http_request_duration_seconds_bucket{le=\"+Inf\"} \(snapshot.count)\n"
        text += "gatehouse_http_request_duration_seconds_sum \(snapshot.sum)\ngatehouse_http_request_duration_seconds_count \(snapshot.count)\n"

        if let gate {
            let queues = await gate.queueGauges()
            family("gatehouse_gate_queue_length", "gauge", "Changes in each gate queue.")
            for queue in queues { text += "gatehouse_gate_queue_length{\(Self.labels(queue.project, queue.branch))} \(queue.items)\n" }
            family("gatehouse_gate_window", "gauge", "How many items of each gate queue may build at once.")
            for queue in queues { text += "gatehouse_gate_window{\(Self.labels(queue.project, queue.branch))} \(queue.window)\n" }
        }
        let (builds, deliveries, head, mails) = try await context.store.read { tx in
            (try await tx.buildCounts(), try await tx.deliveryCounts(), try await tx.lastEventSeq(), try await tx.mailCounts())
        }
        family("gatehouse_builds_total", "counter", "Builds recorded, by pipeline and result.")
        for build in builds { text += "gatehouse_builds_total{pipeline=\"\(Self.escape(build.pipeline))\",result=\"\(Self.escape(build.result))\"} \(build.count)\n" }
        family("gatehouse_events_total", "counter", "Events appended to the durable log.")
        text += "gatehouse_events_total \(head)\n"
        if let hub {
            family("gatehouse_event_streams", "gauge", "Clients following /a/events right now.")
            text += "gatehouse_event_streams \(await hub.streams)\n"
        }
        family("gatehouse_webhook_deliveries", "gauge", "Webhook deliveries by state (pending, delivered, failed).")
        for state in ["pending", "delivered", "failed"] { text += "gatehouse_webhook_deliveries{state=\"\(state)\"} \(deliveries.byState[state] ?? 0)\n" }
        family("gatehouse_webhook_failed_attempts_total", "counter", "Webhook delivery attempts that got no 2xx answer.")
        text += "gatehouse_webhook_failed_attempts_total \(deliveries.failedAttempts)\n"
        family("gatehouse_emails_sent_total", "counter", "E-mails handed to the SMTP server.")
        text += "gatehouse_emails_sent_total \(mails.sent)\n"
        family("gatehouse_email_failures_total", "counter", "E-mails given up on (refused by the SMTP server, or not sent in time).")
        text += "gatehouse_email_failures_total \(mails.failed)\n"
        return Response(
            status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    private static func labels(_ project: String, _ branch: String) -> String {
        "project=\"\(escape(project))\",branch=\"\(escape(branch))\""
    }

    /// Prometheus label values escape backslash, double quote and newline.
    private static func escape(_ value: String) -> String {
        value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"").replacingOccurrences(of: "\n", with: "\\n")
    }
}
