/// How one build of one job ended, as the executor reports it.
///
/// A timeout is a failure like any other: the job did not prove the change good, and a hung test is as real a
/// defect as a red one. `aborted` means the build was stopped before it could judge the change — normally
/// because the gate cancelled it — so it never counts against the change.
package enum BuildResult: Hashable, Sendable, CaseIterable, CustomStringConvertible {
    case success
    case failure
    case timedOut
    case aborted

    /// Whether this result says the change (or the stack it was tested on) is broken.
    package var isFailure: Bool { self == .failure || self == .timedOut }

    /// Zuul's and Gerrit's spelling, used in build listings and the status API.
    package var description: String {
        switch self {
        case .success: "SUCCESS"
        case .failure: "FAILURE"
        case .timedOut: "TIMED_OUT"
        case .aborted: "ABORTED"
        }
    }
}
