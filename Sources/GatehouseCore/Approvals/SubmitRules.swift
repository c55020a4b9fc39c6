/// A project's knobs for its submit requirements.
///
/// Only the number of Code-Review approvals is configurable for now: projects such as OpenStack require two
/// core reviewers ("two cores") where most need one.
package struct SubmitRules: Hashable, Sendable, Codable {
    /// How many maximum Code-Review votes (+2 by default) a change needs; 1 to 10.
    package var requiredCodeReviewApprovals: Int

    /// The allowed counts: at least one, so no change merges unreviewed, and a limit no team outgrows.
    package static let approvalLimits: ClosedRange<Int> = 1...10

    package init(requiredCodeReviewApprovals: Int = 1) {
        self.requiredCodeReviewApprovals = requiredCodeReviewApprovals
    }

    package func validate() throws(ValidationError) {
        guard Self.approvalLimits.contains(requiredCodeReviewApprovals) else {
            throw ValidationError(
                "required Code-Review approvals must be between \(Self.approvalLimits.lowerBound) and "
                    + "\(Self.approvalLimits.upperBound), not \(requiredCodeReviewApprovals)")
        }
    }
}
