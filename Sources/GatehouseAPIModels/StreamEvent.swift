/// One event of Gerrit's `stream-events`, as `GET /a/events` streams it and webhooks receive it.
///
/// The fields are Gerrit's, with Gerrit's spelling (camelCase, unlike the REST API), and every field but
/// `type` and `eventCreatedOn` is optional because each event type fills a different subset. Gatehouse's own
/// events (`gate-enqueued`, `gate-dequeued`, `build-started`, `build-completed`) add `gate` and `build`.
public struct StreamEvent: Codable, Equatable, Sendable {
    public var type: String
    /// Seconds since the epoch.
    public var eventCreatedOn: Int64
    /// Gatehouse's sequence number of the event (also the SSE `id`): a receiver that sees a number twice has
    /// seen the event twice.
    public var seq: Int?
    public var project: String?
    public var refName: String?
    public var changeKey: ChangeKeyAttribute?
    public var change: ChangeAttribute?
    public var patchSet: PatchSetAttribute?
    public var uploader: AccountAttribute?
    public var author: AccountAttribute?
    public var submitter: AccountAttribute?
    public var abandoner: AccountAttribute?
    public var restorer: AccountAttribute?
    public var changer: AccountAttribute?
    public var editor: AccountAttribute?
    public var reviewer: AccountAttribute?
    public var comment: String?
    public var approvals: [ApprovalAttribute]?
    public var newRev: String?
    public var reason: String?
    public var oldTopic: String?
    public var added: [String]?
    public var removed: [String]?
    public var hashtags: [String]?
    public var refUpdate: RefUpdateAttribute?
    public var gate: GateAttribute?
    public var build: BuildAttribute?

    public init(type: String, eventCreatedOn: Int64) {
        self.type = type
        self.eventCreatedOn = eventCreatedOn
    }
}

/// `changeKey`: the Change-Id, the key Gerrit groups a change's events by.
public struct ChangeKeyAttribute: Codable, Equatable, Sendable {
    public var id: String

    public init(id: String) {
        self.id = id
    }
}
