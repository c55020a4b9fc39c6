/// The ref of a `ref-updated` event; a `newRev` of forty zeros means the ref was deleted.
public struct RefUpdateAttribute: Codable, Equatable, Sendable {
    public var oldRev: String
    public var newRev: String
    public var refName: String
    public var project: String

    public init(oldRev: String, newRev: String, refName: String, project: String) {
        self.oldRev = oldRev
        self.newRev = newRev
        self.refName = refName
        self.project = project
    }
}
