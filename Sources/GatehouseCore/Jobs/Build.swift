/// One run of one job for one change in one pipeline, as recorded and listed (`GET /api/changes/{n}/builds`).
package struct Build: Hashable, Sendable {
    /// How a recorded build ended. The executor's `BuildResult` plus what only the pipeline knows.
    package enum Result: String, Hashable, Sendable, CaseIterable {
        case success = "SUCCESS"
        case failure = "FAILURE"
        case timedOut = "TIMED_OUT"
        case aborted = "ABORTED"
        /// The change did not merge onto its base; no job ran.
        case mergeConflict = "MERGE_CONFLICT"
        /// This attempt failed and the gate ran the job again (a suspected flake).
        case retry = "RETRY"
        /// The job could not be run at all: invalid `.gatehouse.yaml`, no sandbox, a workspace that failed.
        case error = "ERROR"

        package init(_ result: BuildResult) {
            switch result {
            case .success: self = .success
            case .failure: self = .failure
            case .timedOut: self = .timedOut
            case .aborted: self = .aborted
            }
        }
    }

    package let id: Int
    package let pipeline: PipelineName
    package let project: ProjectName
    package let patchSet: PatchSetID
    package let job: String
    package let attempt: Int
    /// The speculative stack in Zuul's notation, this change last: `"1,1 2,1"`.
    package let changes: String
    /// The exact commit the job tested; nil when no commit could be made (a merge conflict).
    package var commit: CommitID?
    /// Nil while the build runs.
    package var result: Result?
    package let startedAt: Timestamp
    package var endedAt: Timestamp?

    package init(
        id: Int, pipeline: PipelineName, project: ProjectName, patchSet: PatchSetID, job: String, attempt: Int, changes: String,
        commit: CommitID?, result: Result?, startedAt: Timestamp, endedAt: Timestamp?
    ) {
        self.id = id
        self.pipeline = pipeline
        self.project = project
        self.patchSet = patchSet
        self.job = job
        self.attempt = attempt
        self.changes = changes
        self.commit = commit
        self.result = result
        self.startedAt = startedAt
        self.endedAt = endedAt
    }
}
