/// Gatehouse's: one build in a `build-started` or `build-completed` event, as `GET /api/changes/{n}/builds`
/// lists it.
public struct BuildAttribute: Codable, Equatable, Sendable {
    public var id: Int
    public var pipeline: String
    public var job: String
    /// The speculative stack the build tested, this change last: `"1,1 2,1"`.
    public var changes: String
    /// The exact commit under test; absent when none could be made (a merge conflict).
    public var commit: String?
    /// Absent on `build-started`.
    public var result: String?
    public var logUrl: String

    public init(id: Int, pipeline: String, job: String, changes: String, commit: String?, result: String?, logUrl: String) {
        self.id = id
        self.pipeline = pipeline
        self.job = job
        self.changes = changes
        self.commit = commit
        self.result = result
        self.logUrl = logUrl
    }
}
