package import GatehouseCore

/// What came of putting one change on top of a base commit.
package enum SpeculativeMerge: Hashable, Sendable {
    /// The commit the jobs test, and that the branch moves to if they pass.
    case merged(CommitID)
    /// Git could not merge these files.
    case conflict(files: [String])
    /// The project only fast-forwards, and the base is not an ancestor of the change.
    case notFastForward
}
