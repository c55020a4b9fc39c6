/// Why an item left the gate queue without merging and without being blamed for a failure.
///
/// Every dequeue leaves a message on the change, so each reason reads as the end of "Removed from the gate: …".
package enum DequeueReason: Hashable, Sendable, CustomStringConvertible {
    /// A newer patch set replaced the one under test; the approvals decide whether it comes back.
    case newPatchSet
    case abandoned
    /// A submit requirement no longer holds (a veto, a removed Workflow +1, a lost Verified).
    case approvalLost
    /// The gate pipeline defines no job for this change. Merging it would land a commit nobody tested.
    case noJobs

    package var description: String {
        switch self {
        case .newPatchSet: "a new patch set was uploaded"
        case .abandoned: "the change was abandoned"
        case .approvalLost: "the change no longer meets its submit requirements"
        case .noJobs: "the gate pipeline has no jobs for this change"
        }
    }
}
