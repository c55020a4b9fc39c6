import Synchronization

/// Counts every HTTP request by method and status, with a latency histogram, for `/metrics`.
///
/// A Mutex over a handful of integers: one lock per request costs nanoseconds, far below what any route does.
package final class RequestMetrics: Sendable {
    /// Upper bounds of the latency buckets, in seconds (Prometheus's `le`).
    static let bounds: [Double] = [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10]

    struct Snapshot {
        var requests: [String: Int] = [:]
        var buckets = [Int](repeating: 0, count: RequestMetrics.bounds.count)
        var count = 0
        var sum = 0.0
    }

    private let state = Mutex(Snapshot())

    package init() {}

    func record(method: String, status: Int, duration: Duration) {
        let seconds = Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
        let key = "method=\"\(method)\",code=\"\(status)\""
        state.withLock { state in
            state.requests[key, default: 0] += 1
            state.count += 1
            state.sum += seconds
            for (index, bound) in Self.bounds.enumerated() where seconds <= bound { state.buckets[index] += 1 }
        }
    }

    var snapshot: Snapshot { state.withLock { $0 } }
}
