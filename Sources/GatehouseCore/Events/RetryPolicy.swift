/// When to try a failed webhook delivery again: exponential backoff from `initialDelay`, doubling up to
/// `maximumDelay`, and no attempt that would start later than `giveUpAfter` from the event.
///
/// Pure so the schedule can be tested without waiting for it; the worker asks it after every failure.
package struct RetryPolicy: Hashable, Sendable {
    package var initialDelay: Duration
    package var maximumDelay: Duration
    package var giveUpAfter: Duration

    package init(initialDelay: Duration = .seconds(1), maximumDelay: Duration = .seconds(3600), giveUpAfter: Duration = .seconds(86_400)) {
        self.initialDelay = initialDelay
        self.maximumDelay = maximumDelay
        self.giveUpAfter = giveUpAfter
    }

    /// The delay after the `attempts`-th failed attempt (1 for the first failure).
    package func delay(afterAttempts attempts: Int) -> Duration {
        var delay = initialDelay
        for _ in 1..<max(attempts, 1) {
            delay *= 2
            if delay >= maximumDelay { return maximumDelay }
        }
        return min(delay, maximumDelay)
    }

    /// The next attempt's time after a failure, or nil when the policy gives up.
    package func nextAttempt(afterAttempts attempts: Int, failedAt now: Timestamp, createdAt: Timestamp) -> Timestamp? {
        let next = now.adding(delay(afterAttempts: attempts))
        return next > createdAt.adding(giveUpAfter) ? nil : next
    }
}
