/// Gatehouse's: the pipeline a change entered or left, and why it left.
public struct GateAttribute: Codable, Equatable, Sendable {
    /// `gate` (the dependent queue of `project` and `branch`).
    public var pipeline: String
    public var project: String
    public var branch: String
    /// On `gate-dequeued`: merged, failed, a new patch set, abandoned, ….
    public var reason: String?

    public init(pipeline: String, project: String, branch: String, reason: String?) {
        self.pipeline = pipeline
        self.project = project
        self.branch = branch
        self.reason = reason
    }
}
