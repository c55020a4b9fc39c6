/// A project's webhook as `GET /api/projects/{name}/webhooks` lists it. The secret is never shown.
public struct WebhookInfo: Codable, Equatable, Sendable {
    public var id: Int
    public var project: String
    public var url: String
    /// Empty means every event type.
    public var events: [String]
    public var created: String

    public init(id: Int, project: String, url: String, events: [String], created: String) {
        self.id = id
        self.project = project
        self.url = url
        self.events = events
        self.created = created
    }
}

/// The body of `POST /api/projects/{name}/webhooks`.
public struct WebhookInput: Codable, Sendable {
    public var url: String
    public var secret: String
    public var events: [String]?

    public init(url: String, secret: String, events: [String]? = nil) {
        self.url = url
        self.secret = secret
        self.events = events
    }
}
