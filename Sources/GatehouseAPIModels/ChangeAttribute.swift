/// The change as stream-events describe it (Gerrit's ChangeAttribute), at the moment of the event.
public struct ChangeAttribute: Codable, Equatable, Sendable {
    public var project: String
    public var branch: String
    public var topic: String?
    /// The Change-Id, `I…`.
    public var id: String
    public var number: Int
    public var subject: String
    public var owner: AccountAttribute?
    public var url: String
    public var commitMessage: String?
    public var hashtags: [String]?
    /// Seconds since the epoch.
    public var createdOn: Int64
    /// `NEW`, `MERGED` or `ABANDONED`.
    public var status: String
    public var wip: Bool?

    public init(
        project: String, branch: String, topic: String?, id: String, number: Int, subject: String, owner: AccountAttribute?, url: String,
        commitMessage: String?, hashtags: [String]?, createdOn: Int64, status: String, wip: Bool?
    ) {
        self.project = project
        self.branch = branch
        self.topic = topic
        self.id = id
        self.number = number
        self.subject = subject
        self.owner = owner
        self.url = url
        self.commitMessage = commitMessage
        self.hashtags = hashtags
        self.createdOn = createdOn
        self.status = status
        self.wip = wip
    }
}
