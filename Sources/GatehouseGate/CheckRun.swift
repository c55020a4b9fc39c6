import GatehouseCore

/// One patch set going through the check pipeline.
struct CheckRun {
    let patchSet: PatchSetID
    let project: ProjectName
    var task: Task<Void, Never>
    /// The builds started so far, by job.
    var builds: [String: BuildRun] = [:]
}
