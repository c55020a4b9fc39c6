/// A vote in a `comment-added` event. `value` and `oldValue` are strings (`"2"`, `"-1"`), as in Gerrit, and
/// `oldValue` is present only when the vote changed.
public struct ApprovalAttribute: Codable, Equatable, Sendable {
    public var type: String
    public var description: String
    public var value: String
    public var oldValue: String?

    public init(type: String, description: String, value: String, oldValue: String?) {
        self.type = type
        self.description = description
        self.value = value
        self.oldValue = oldValue
    }
}
