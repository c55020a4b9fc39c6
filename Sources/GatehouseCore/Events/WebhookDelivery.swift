/// One event on its way to one webhook, with every attempt's outcome so far.
package struct WebhookDelivery: Hashable, Sendable {
    package typealias ID = Int

    package enum State: String, Hashable, Sendable {
        /// Waiting for its first or next attempt at `nextAttemptAt`.
        case pending
        /// The receiver answered 2xx.
        case delivered
        /// The retry policy gave up; an administrator may still redeliver it.
        case failed
    }

    package let id: ID
    package let webhookID: Webhook.ID
    package let eventSeq: Int
    package var state: State
    package var attempts: Int
    package var nextAttemptAt: Timestamp
    /// The HTTP status of the last attempt, nil when it got no answer (refused, timed out).
    package var lastStatus: Int?
    package var lastError: String?
    package let createdAt: Timestamp
    package var finishedAt: Timestamp?

    package init(
        id: ID, webhookID: Webhook.ID, eventSeq: Int, state: State, attempts: Int, nextAttemptAt: Timestamp, lastStatus: Int?,
        lastError: String?, createdAt: Timestamp, finishedAt: Timestamp?
    ) {
        self.id = id
        self.webhookID = webhookID
        self.eventSeq = eventSeq
        self.state = state
        self.attempts = attempts
        self.nextAttemptAt = nextAttemptAt
        self.lastStatus = lastStatus
        self.lastError = lastError
        self.createdAt = createdAt
        self.finishedAt = finishedAt
    }
}
