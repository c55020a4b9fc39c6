/// A change waiting in, or running through, a pipeline: the durable half of a queue entry.
///
/// The gate's speculative state lives in memory (`GateQueue`) and is rebuilt from these rows on every start,
/// in `id` order, which is the order changes were approved in.
package struct PipelineItem: Hashable, Sendable {
    package let id: Int
    package let pipeline: PipelineName
    package let project: ProjectName
    package let branch: BranchName
    package let patchSet: PatchSetID
    package let enqueuedAt: Timestamp
    /// Set by the gate just before it moves the branch to this tested commit, and cleared if the move fails: after
    /// a crash it tells whether the merge landed (the branch contains it) or must be tried again.
    package let mergingCommit: CommitID?

    package init(
        id: Int, pipeline: PipelineName, project: ProjectName, branch: BranchName, patchSet: PatchSetID, enqueuedAt: Timestamp,
        mergingCommit: CommitID? = nil
    ) {
        self.id = id
        self.pipeline = pipeline
        self.project = project
        self.branch = branch
        self.patchSet = patchSet
        self.enqueuedAt = enqueuedAt
        self.mergingCommit = mergingCommit
    }
}
