/// The outcome of one submit requirement, in the shape of Gerrit's SubmitRequirementResultInfo plus a sentence
/// that says exactly what is missing, so nobody has to guess why a change cannot be submitted.
package struct SubmitRequirementResult: Hashable, Sendable {
    /// Spelled as Gerrit spells it in JSON.
    package enum Status: String, Hashable, Sendable {
        case satisfied = "SATISFIED"
        /// Something is missing that a vote can supply.
        case unsatisfied = "UNSATISFIED"
        /// A vote actively prevents submission (a veto, work in progress, a failed verification).
        case blocked = "BLOCKED"
        /// The requirement does not apply, e.g. its label is not configured on the project.
        case notApplicable = "NOT_APPLICABLE"
    }

    package var name: String
    package var status: Status
    /// A sentence for people, e.g. "needs 1 more Code-Review +2 from nova-core".
    package var explanation: String

    package init(name: String, status: Status, explanation: String) {
        self.name = name
        self.status = status
        self.explanation = explanation
    }
}
