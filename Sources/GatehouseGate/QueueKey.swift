import GatehouseCore

/// One gate queue per project and branch.
struct QueueKey: Hashable, Sendable, CustomStringConvertible {
    let project: ProjectName
    let branch: BranchName

    var description: String { "\(project.rawValue) \(branch.rawValue)" }
}
