/// Gerrit's ReviewInput. Unknown keys (`strict_labels`, `notify`, …) are ignored, as clients send them.
public struct ReviewInput: Codable, Sendable {
    /// `KEEP` (the default, as in Gerrit), `PUBLISH` or `PUBLISH_ALL_REVISIONS`: whether the author's drafts on the
    /// patch set go out with the review. Gatehouse publishes the reviewed patch set's drafts for either PUBLISH value.
    public var drafts: String?
    public var message: String?
    public var tag: String?
    public var labels: [String: Int]?
    public var comments: [String: [CommentInput]]?
    public var reviewers: [ReviewerInput]?
    public var ready: Bool?
    public var workInProgress: Bool?

    public init(message: String? = nil, labels: [String: Int]? = nil, comments: [String: [CommentInput]]? = nil) {
        self.message = message
        self.labels = labels
        self.comments = comments
    }

    enum CodingKeys: String, CodingKey {
        case message, tag, labels, comments, reviewers, ready, drafts
        case workInProgress = "work_in_progress"
    }
}

/// Gerrit's DraftInput for `PUT …/revisions/{rev}/drafts`: a CommentInput with its path.
public struct DraftInput: Decodable, Sendable {
    public var path: String?
    public var comment: CommentInput

    enum CodingKeys: String, CodingKey {
        case path
    }

    public init(from decoder: any Decoder) throws {
        path = try decoder.container(keyedBy: CodingKeys.self).decodeIfPresent(String.self, forKey: .path)
        comment = try CommentInput(from: decoder)
    }
}

/// Gerrit's CommentInput within a ReviewInput.
public struct CommentInput: Codable, Sendable {
    public var side: String?
    public var line: Int?
    public var range: CommentRange?
    public var inReplyTo: String?
    public var message: String?
    public var unresolved: Bool?

    public init(line: Int? = nil, range: CommentRange? = nil, message: String, side: String? = nil, inReplyTo: String? = nil, unresolved: Bool? = nil) {
        self.line = line
        self.range = range
        self.message = message
        self.side = side
        self.inReplyTo = inReplyTo
        self.unresolved = unresolved
    }

    enum CodingKeys: String, CodingKey {
        case side, line, range
        case inReplyTo = "in_reply_to"
        case message, unresolved
    }
}

/// Gerrit's ReviewerInput.
public struct ReviewerInput: Codable, Sendable {
    public var reviewer: String
    public var state: String?
    public init(reviewer: String, state: String? = nil) {
        self.reviewer = reviewer
        self.state = state
    }
}

/// Gerrit's ReviewResult.
public struct ReviewResult: Codable, Equatable, Sendable {
    public var labels: [String: Int]
    public var ready: Bool?
    public init(labels: [String: Int], ready: Bool?) {
        self.labels = labels
        self.ready = ready
    }
}

/// The small inputs of change actions; every field optional, an empty body is fine.
public struct MessageInput: Codable, Sendable {
    public var message: String?
    public init(message: String? = nil) { self.message = message }
}

public struct TopicInput: Codable, Sendable {
    public var topic: String?
    public init(topic: String?) { self.topic = topic }
}

public struct HashtagsInput: Codable, Sendable {
    public var add: [String]?
    public var remove: [String]?
    public init(add: [String]? = nil, remove: [String]? = nil) {
        self.add = add
        self.remove = remove
    }
}
