/// Decides whether a change may be submitted, and says in plain words what is missing.
///
/// Pure, so the REST layer (ChangeInfo `submit_requirements`, `submittable`) and the gate evaluate the same
/// rules on the same data and can never disagree.
package enum SubmitRequirements {
    /// The name of the requirement that exists only while a change is work in progress.
    package static let noWorkInProgress = "No-Work-In-Progress"

    /// Evaluates the project's rules on the votes of the change's current patch set (the caller passes only
    /// those, at most one per account and label). `accountNames` gives display names for the sentences;
    /// an account without one reads "account <id>".
    ///
    /// Requirements, in this order:
    /// 1. "Code-Review": blocked when any vote is the label's minimum ("blocked by Code-Review -2 from alice");
    ///    satisfied when at least `rules.requiredCodeReviewApprovals` votes are its maximum
    ///    ("Code-Review +2 from alice and bob"); else unsatisfied ("needs 1 more Code-Review +2 from demo-core").
    /// 2. "Verified": blocked by a minimum vote, satisfied by a maximum vote, else "needs Verified +1 from Service Users".
    /// 3. "Workflow": blocked by a minimum vote ("work in progress: Workflow -1 from alice"), satisfied by a
    ///    maximum vote ("approved: Workflow +1 from bob"), else "needs Workflow +1 from demo-core".
    /// 4. "No-Work-In-Progress", only while `isWorkInProgress`: unsatisfied.
    ///
    /// "from <group>" names the first group granted the label's maximum, and is left out when there is none.
    /// One of the three labels missing from `labels` gives `.notApplicable` ("label Verified is not configured");
    /// other labels produce no requirement. Zero votes count as no vote. A required count below 1 (rules that
    /// were never validated) counts as 1, so an unreviewed change is never satisfied. `status` does not change
    /// the results; `isSubmittable` applies it.
    package static func evaluate(
        status: ChangeStatus, isWorkInProgress: Bool, votes: [Vote], labels: [LabelDefinition], rules: SubmitRules,
        accountNames: [Int: String]
    ) -> [SubmitRequirementResult] {
        let context = Context(votes: votes, labels: labels, accountNames: accountNames)
        let conditions = voteConditions(labels: labels, rules: rules)
        func requirement(_ name: String, blocked: (String) -> String, satisfied: (String) -> String) -> SubmitRequirementResult {
            context.evaluate(
                label: name, condition: conditions.first { $0.label == name }, countsApprovals: name == "Code-Review",
                blocked: blocked, satisfied: satisfied)
        }
        var results = [
            requirement("Code-Review", blocked: { "blocked by \($0)" }, satisfied: { $0 }),
            requirement("Verified", blocked: { "blocked by \($0)" }, satisfied: { $0 }),
            requirement("Workflow", blocked: { "work in progress: \($0)" }, satisfied: { "approved: \($0)" }),
        ]
        if isWorkInProgress {
            results.append(
                SubmitRequirementResult(
                    name: noWorkInProgress, status: .unsatisfied,
                    explanation: "the change is marked work in progress; mark it ready "
                        + "(git push … %ready, or the ready action)"))
        }
        return results
    }

    /// What one label's requirement asks of the current patch set's votes: none of value `veto`, and at least
    /// `required` of value `approval`. Zero votes count as no vote, so a label whose minimum is 0 has no veto.
    package struct VoteCondition: Hashable, Sendable {
        package let label: String
        package let veto: Int
        package let approval: Int
        package let required: Int
    }

    /// The conditions on votes that `evaluate` checks, one for each of the three labels the project configures,
    /// so a search (`is:submittable`) can test in the database exactly what a change page evaluates in memory.
    /// A change is submittable when it is open, not work in progress, and meets all of them.
    package static func voteConditions(labels: [LabelDefinition], rules: SubmitRules) -> [VoteCondition] {
        let required = [("Code-Review", Swift.max(rules.requiredCodeReviewApprovals, 1)), ("Verified", 1), ("Workflow", 1)]
        return required.compactMap { name, count in
            labels.first { $0.name == name }.map { VoteCondition(label: name, veto: $0.min, approval: $0.max, required: count) }
        }
    }

    /// Whether the change may be submitted: it is open and every result is satisfied or not applicable.
    package static func isSubmittable(status: ChangeStatus, results: [SubmitRequirementResult]) -> Bool {
        status.isOpen && results.allSatisfy { $0.status == .satisfied || $0.status == .notApplicable }
    }

    /// The inputs shared by the per-label requirements.
    private struct Context {
        let votes: [Vote]
        let labels: [LabelDefinition]
        let accountNames: [Int: String]

        /// One label's requirement, judged by its condition (nil when the label is not configured).
        /// `countsApprovals` puts the number still missing in the sentence ("needs 1 more …"), for the one label
        /// whose count a project sets. `blocked` and `satisfied` wrap the "Label ±n from names" phrase.
        func evaluate(
            label name: String, condition: VoteCondition?, countsApprovals: Bool, blocked: (String) -> String,
            satisfied: (String) -> String
        ) -> SubmitRequirementResult {
            guard let condition, let label = labels.first(where: { $0.name == name }) else {
                return SubmitRequirementResult(
                    name: name, status: .notApplicable, explanation: "label \(name) is not configured")
            }
            let cast = votes.filter { $0.label == name && $0.value != 0 }
            let vetoes = cast.filter { $0.value == condition.veto }
            if !vetoes.isEmpty {
                return SubmitRequirementResult(
                    name: name, status: .blocked, explanation: blocked(phrase(label, condition.veto, vetoes)))
            }
            let approvals = cast.filter { $0.value == condition.approval }
            if approvals.count >= condition.required {
                return SubmitRequirementResult(
                    name: name, status: .satisfied, explanation: satisfied(phrase(label, condition.approval, approvals)))
            }
            let missing = countsApprovals ? "\(condition.required - approvals.count) more " : ""
            let approvers = label.permissions.first { permission in
                guard case .group = permission.principal else { return false }
                return permission.max == label.max
            }
            var explanation = "needs \(missing)\(name) \(LabelDefinition.signed(label.max))"
            if case .group(let group) = approvers?.principal { explanation += " from \(group)" }
            return SubmitRequirementResult(name: name, status: .unsatisfied, explanation: explanation)
        }

        /// "Code-Review +2 from alice and bob", names in vote order.
        private func phrase(_ label: LabelDefinition, _ value: Int, _ votes: [Vote]) -> String {
            let names = votes.map { accountNames[$0.accountID] ?? "account \($0.accountID)" }
            return "\(label.name) \(LabelDefinition.signed(value)) from \(Self.list(names))"
        }

        /// "alice", "alice and bob", "alice, bob and carol".
        private static func list(_ names: [String]) -> String {
            guard let last = names.last, names.count > 1 else { return names.first ?? "" }
            return names.dropLast().joined(separator: ", ") + " and " + last
        }
    }
}
