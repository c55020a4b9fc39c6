/// A patch set as stream-events describe it (Gerrit's PatchSetAttribute).
public struct PatchSetAttribute: Codable, Equatable, Sendable {
    public var number: Int
    public var revision: String
    public var parents: [String]
    /// `refs/changes/NN/N/P`.
    public var ref: String
    public var uploader: AccountAttribute?
    /// Seconds since the epoch.
    public var createdOn: Int64
    /// Gerrit's change kind: `REWORK`, `TRIVIAL_REBASE`, `NO_CODE_CHANGE`, `NO_CHANGE`, ….
    public var kind: String?

    public init(number: Int, revision: String, parents: [String], ref: String, uploader: AccountAttribute?, createdOn: Int64, kind: String?) {
        self.number = number
        self.revision = revision
        self.parents = parents
        self.ref = ref
        self.uploader = uploader
        self.createdOn = createdOn
        self.kind = kind
    }
}
