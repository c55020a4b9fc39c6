/// An entry in a change's conversation: an upload, later a vote or a reply. `authorID` is nil for messages
/// written by Gatehouse itself.
package struct ChangeMessage: Hashable, Sendable {
    package let id: String
    package let change: Change.Number
    package let authorID: Account.ID?
    package let patchSet: Int?
    package let message: String
    package let tag: String?
    package let createdAt: Timestamp

    package init(
        id: String, change: Change.Number, authorID: Account.ID?, patchSet: Int?, message: String, tag: String?,
        createdAt: Timestamp
    ) {
        self.id = id
        self.change = change
        self.authorID = authorID
        self.patchSet = patchSet
        self.message = message
        self.tag = tag
        self.createdAt = createdAt
    }
}
