/// One entry of a webhook's delivery log.
public struct WebhookDeliveryInfo: Codable, Equatable, Sendable {
    public var id: Int
    public var webhook: Int
    /// The event's sequence number (its `seq` and SSE id).
    public var event: Int
    public var eventType: String?
    /// `pending`, `delivered` or `failed`.
    public var state: String
    public var attempts: Int
    /// The HTTP status of the last attempt; absent when it got no answer.
    public var lastStatus: Int?
    public var lastError: String?
    public var nextAttempt: String?
    public var created: String
    public var finished: String?

    public init(
        id: Int, webhook: Int, event: Int, eventType: String?, state: String, attempts: Int, lastStatus: Int?, lastError: String?,
        nextAttempt: String?, created: String, finished: String?
    ) {
        self.id = id
        self.webhook = webhook
        self.event = event
        self.eventType = eventType
        self.state = state
        self.attempts = attempts
        self.lastStatus = lastStatus
        self.lastError = lastError
        self.nextAttempt = nextAttempt
        self.created = created
        self.finished = finished
    }

    enum CodingKeys: String, CodingKey {
        case id, webhook, event, state, attempts, created, finished
        case eventType = "event_type"
        case lastStatus = "last_status"
        case lastError = "last_error"
        case nextAttempt = "next_attempt"
    }
}
