/// An inline comment on one line or range of a file in a patch set, or on the commit message (`/COMMIT_MSG`).
///
/// `side` says which version of the file the line numbers count in: the patch set (`revision`) or its
/// parent. A reply names the comment it answers; `isUnresolved` is what keeps a discussion open.
package struct Comment: Hashable, Sendable {
    package enum Side: String, Hashable, Sendable {
        case revision = "REVISION"
        case parent = "PARENT"
    }

    /// A span of characters, as Gerrit's CommentRange: lines 1-based, characters 0-based.
    package struct Range: Hashable, Sendable {
        package var startLine: Int
        package var startCharacter: Int
        package var endLine: Int
        package var endCharacter: Int

        package init(startLine: Int, startCharacter: Int, endLine: Int, endCharacter: Int) {
            self.startLine = startLine
            self.startCharacter = startCharacter
            self.endLine = endLine
            self.endCharacter = endCharacter
        }

        package var isValid: Bool {
            startLine >= 1 && endLine >= startLine && startCharacter >= 0 && endCharacter >= 0
                && (endLine > startLine || endCharacter >= startCharacter)
        }
    }

    /// The pseudo-file Gerrit uses for comments on the commit message.
    package static let commitMessagePath = "/COMMIT_MSG"

    package let id: String
    package let change: Change.Number
    package let patchSet: Int
    package let path: String
    package let side: Side
    package let line: Int?
    package let range: Range?
    package let inReplyTo: String?
    package let message: String
    package let isUnresolved: Bool
    package let authorID: Account.ID
    package let tag: String?
    package let changeMessageID: String?
    package let createdAt: Timestamp

    package init(
        id: String, change: Change.Number, patchSet: Int, path: String, side: Side, line: Int?, range: Range?, inReplyTo: String?,
        message: String, isUnresolved: Bool, authorID: Account.ID, tag: String?, changeMessageID: String?, createdAt: Timestamp
    ) {
        self.id = id
        self.change = change
        self.patchSet = patchSet
        self.path = path
        self.side = side
        self.line = line
        self.range = range
        self.inReplyTo = inReplyTo
        self.message = message
        self.isUnresolved = isUnresolved
        self.authorID = authorID
        self.tag = tag
        self.changeMessageID = changeMessageID
        self.createdAt = createdAt
    }
}
