/// Gerrit's CommentInfo (published comments). `path` is left out where the comments are a map by path.
public struct CommentInfo: Codable, Equatable, Sendable {
    public var id: String
    public var path: String?
    public var side: String?
    public var parent: Int?
    public var line: Int?
    public var range: CommentRange?
    public var inReplyTo: String?
    public var message: String
    public var updated: String
    public var author: AccountInfo
    public var patchSet: Int
    public var unresolved: Bool
    public var changeMessageID: String?
    public var commitID: String?
    public var tag: String?

    public init(
        id: String, path: String?, side: String?, parent: Int?, line: Int?, range: CommentRange?, inReplyTo: String?, message: String,
        updated: String, author: AccountInfo, patchSet: Int, unresolved: Bool, changeMessageID: String?, commitID: String?, tag: String?
    ) {
        self.id = id
        self.path = path
        self.side = side
        self.parent = parent
        self.line = line
        self.range = range
        self.inReplyTo = inReplyTo
        self.message = message
        self.updated = updated
        self.author = author
        self.patchSet = patchSet
        self.unresolved = unresolved
        self.changeMessageID = changeMessageID
        self.commitID = commitID
        self.tag = tag
    }

    enum CodingKeys: String, CodingKey {
        case id, path, side, parent, line, range
        case inReplyTo = "in_reply_to"
        case message, updated, author
        case patchSet = "patch_set"
        case unresolved
        case changeMessageID = "change_message_id"
        case commitID = "commit_id"
        case tag
    }
}

/// Gerrit's CommentRange: lines 1-based, characters 0-based.
public struct CommentRange: Codable, Equatable, Sendable {
    public var startLine: Int
    public var startCharacter: Int
    public var endLine: Int
    public var endCharacter: Int

    public init(startLine: Int, startCharacter: Int, endLine: Int, endCharacter: Int) {
        self.startLine = startLine
        self.startCharacter = startCharacter
        self.endLine = endLine
        self.endCharacter = endCharacter
    }

    enum CodingKeys: String, CodingKey {
        case startLine = "start_line"
        case startCharacter = "start_character"
        case endLine = "end_line"
        case endCharacter = "end_character"
    }
}
