/// One build, as `GET /api/changes/{number}/builds` lists it.
public struct BuildInfo: Codable, Equatable, Sendable {
    public var id: Int
    public var pipeline: String
    public var job: String
    public var patchSet: Int
    public var attempt: Int
    /// `SUCCESS`, `FAILURE`, `TIMED_OUT`, `ABORTED`, `MERGE_CONFLICT`, `RETRY`, `ERROR`; nil while running.
    public var result: String?
    /// The exact commit the build tested (for the gate, the speculative merge that lands if it passes).
    public var commit: String?
    /// The stack it was built on, this change last (`"1,1 2,1"`).
    public var changes: String
    public var start: String
    public var end: String?
    public var logURL: String

    public init(
        id: Int, pipeline: String, job: String, patchSet: Int, attempt: Int, result: String?, commit: String?, changes: String, start: String,
        end: String?, logURL: String
    ) {
        self.id = id
        self.pipeline = pipeline
        self.job = job
        self.patchSet = patchSet
        self.attempt = attempt
        self.result = result
        self.commit = commit
        self.changes = changes
        self.start = start
        self.end = end
        self.logURL = logURL
    }

    enum CodingKeys: String, CodingKey {
        case id, pipeline, job, attempt, result, commit, changes, start, end
        case patchSet = "patch_set"
        case logURL = "log_url"
    }
}
