/// Where one job of one build set stands.
///
/// Attempts count from 1; a failed attempt is retried (same generation, next attempt) while the queue's retry
/// budget lasts, so `running(attempt: 2)` is a retry in flight. `cancelled` marks the jobs the queue stopped
/// because another job of the same build set had already failed: their verdict could no longer change the
/// item's fate, and their executor slots are better spent on the items behind.
package enum JobState: Hashable, Sendable {
    /// Waiting for the speculative merge commit; nothing runs before it exists.
    case pending
    case running(attempt: Int)
    case succeeded
    /// Failed on its last allowed attempt.
    case failed
    case cancelled

    package var isRunning: Bool {
        if case .running = self { true } else { false }
    }
}
