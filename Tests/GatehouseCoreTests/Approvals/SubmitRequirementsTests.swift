import GatehouseCore
import Testing

@Suite struct SubmitRequirementsTests {
    private static let labels = LabelDefinition.defaults(for: try! ProjectName("demo"))
    private static let names = [1: "alice", 2: "bob", 3: "carol", 10: "gatehouse-ci", 11: "other-ci"]

    private static func votes(_ list: [(Int, String, Int)]) -> [Vote] {
        list.map { Vote(accountID: $0.0, label: $0.1, value: $0.2, patchSet: 3, date: Timestamp(secondsSinceEpoch: 0), tag: nil) }
    }

    private static func evaluate(
        _ list: [(Int, String, Int)], required: Int = 1, wip: Bool = false, labels: [LabelDefinition] = labels
    ) -> [String] {
        SubmitRequirements.evaluate(
            status: .new, isWorkInProgress: wip, votes: votes(list), labels: labels,
            rules: SubmitRules(requiredCodeReviewApprovals: required), accountNames: names
        ).map { "\($0.name) \($0.status.rawValue): \($0.explanation)" }
    }

    private static let noVerified = "Verified UNSATISFIED: needs Verified +1 from Service Users"
    private static let noWorkflow = "Workflow UNSATISFIED: needs Workflow +1 from demo-core"
    private static let oneMoreCore = "Code-Review UNSATISFIED: needs 1 more Code-Review +2 from demo-core"

    @Test("Explains the Code-Review requirement", arguments: [
        ([], 1, oneMoreCore),
        ([(1, "Code-Review", 2)], 1, "Code-Review SATISFIED: Code-Review +2 from alice"),
        ([(1, "Code-Review", 2)], 2, oneMoreCore),
        ([(1, "Code-Review", 2), (2, "Code-Review", 2)], 2, "Code-Review SATISFIED: Code-Review +2 from alice and bob"),
        ([(3, "Code-Review", 2), (1, "Code-Review", 2), (2, "Code-Review", 2)], 2,
         "Code-Review SATISFIED: Code-Review +2 from carol, alice and bob"),
        ([], 2, "Code-Review UNSATISFIED: needs 2 more Code-Review +2 from demo-core"),
        ([(1, "Code-Review", 2)], 3, "Code-Review UNSATISFIED: needs 2 more Code-Review +2 from demo-core"),
        ([(1, "Code-Review", 1), (2, "Code-Review", 1), (3, "Code-Review", 1)], 1, oneMoreCore),
        ([(1, "Code-Review", -1), (2, "Code-Review", 2)], 1, "Code-Review SATISFIED: Code-Review +2 from bob"),
        ([(1, "Code-Review", 0), (2, "Code-Review", 0)], 1, oneMoreCore),
        ([(1, "Code-Review", 2), (2, "Code-Review", -2)], 1, "Code-Review BLOCKED: blocked by Code-Review -2 from bob"),
        ([(2, "Code-Review", -2), (1, "Code-Review", 2), (3, "Code-Review", -2)], 1,
         "Code-Review BLOCKED: blocked by Code-Review -2 from bob and carol"),
        ([(99, "Code-Review", 2)], 1, "Code-Review SATISFIED: Code-Review +2 from account 99"),
        ([(1, "Code-Review", 2), (2, "Verified", 2), (3, "Workflow", 2)], 2, oneMoreCore),
        ([], 0, oneMoreCore),
        ([], -3, oneMoreCore),
    ] as [([(Int, String, Int)], Int, String)])
    func codeReview(votes: [(Int, String, Int)], required: Int, expected: String) {
        #expect(Self.evaluate(votes, required: required).first == expected)
    }

    @Test("Explains the Verified requirement", arguments: [
        ([], noVerified),
        ([(10, "Verified", 1)], "Verified SATISFIED: Verified +1 from gatehouse-ci"),
        ([(10, "Verified", 1), (11, "Verified", 1)], "Verified SATISFIED: Verified +1 from gatehouse-ci and other-ci"),
        ([(10, "Verified", -1)], "Verified BLOCKED: blocked by Verified -1 from gatehouse-ci"),
        ([(11, "Verified", 1), (10, "Verified", -1)], "Verified BLOCKED: blocked by Verified -1 from gatehouse-ci"),
        ([(10, "Verified", 0)], noVerified),
        ([(10, "Code-Review", 1)], noVerified),
    ] as [([(Int, String, Int)], String)])
    func verified(votes: [(Int, String, Int)], expected: String) {
        #expect(Self.evaluate(votes)[1] == expected)
    }

    @Test("Explains the Workflow requirement", arguments: [
        ([], noWorkflow),
        ([(2, "Workflow", 1)], "Workflow SATISFIED: approved: Workflow +1 from bob"),
        ([(1, "Workflow", -1)], "Workflow BLOCKED: work in progress: Workflow -1 from alice"),
        ([(2, "Workflow", 1), (1, "Workflow", -1)], "Workflow BLOCKED: work in progress: Workflow -1 from alice"),
        ([(1, "Workflow", 0)], noWorkflow),
    ] as [([(Int, String, Int)], String)])
    func workflow(votes: [(Int, String, Int)], expected: String) {
        #expect(Self.evaluate(votes)[2] == expected)
    }

    @Test("Reports every requirement in order, and what a work-in-progress change lacks")
    func fullResults() {
        #expect(Self.evaluate([]) == [Self.oneMoreCore, Self.noVerified, Self.noWorkflow])
        #expect(Self.evaluate([(1, "Code-Review", 2), (10, "Verified", 1), (1, "Workflow", 1)], wip: true) == [
            "Code-Review SATISFIED: Code-Review +2 from alice",
            "Verified SATISFIED: Verified +1 from gatehouse-ci",
            "Workflow SATISFIED: approved: Workflow +1 from alice",
            "No-Work-In-Progress UNSATISFIED: the change is marked work in progress; "
                + "mark it ready (git push … %ready, or the ready action)",
        ])
    }

    @Test("Marks labels the project does not configure as not applicable and ignores other labels")
    func missingAndExtraLabels() {
        let backport = LabelDefinition(
            name: "Backport", values: [0: "No", 1: "Yes"],
            permissions: [LabelPermission(principal: .group("release"), min: 0, max: 1)])
        #expect(Self.evaluate([(1, "Code-Review", 2), (2, "Backport", 1)], labels: [Self.labels[0], backport]) == [
            "Code-Review SATISFIED: Code-Review +2 from alice",
            "Verified NOT_APPLICABLE: label Verified is not configured",
            "Workflow NOT_APPLICABLE: label Workflow is not configured",
        ])
        #expect(Self.evaluate([(1, "Code-Review", 2)], labels: []) == [
            "Code-Review NOT_APPLICABLE: label Code-Review is not configured",
            "Verified NOT_APPLICABLE: label Verified is not configured",
            "Workflow NOT_APPLICABLE: label Workflow is not configured",
        ])
    }

    @Test("Follows a project's own ranges and names the first group that may give the maximum", arguments: [
        ([LabelPermission(principal: .registeredUsers, min: -1, max: 1)], [], "needs 1 more Code-Review +1"),
        ([LabelPermission(principal: .changeOwner, min: -1, max: 1), LabelPermission(principal: .group("half"), min: 0, max: 0),
          LabelPermission(principal: .group("leads"), min: -1, max: 1), LabelPermission(principal: .group("more"), min: -1, max: 1)],
         [], "needs 1 more Code-Review +1 from leads"),
        ([LabelPermission(principal: .group("leads"), min: -1, max: 1)], [(1, "Code-Review", 1)], "Code-Review +1 from alice"),
        ([LabelPermission(principal: .group("leads"), min: -1, max: 1)], [(1, "Code-Review", 1), (2, "Code-Review", -1)],
         "blocked by Code-Review -1 from bob"),
    ] as [([LabelPermission], [(Int, String, Int)], String)])
    func customCodeReview(permissions: [LabelPermission], votes: [(Int, String, Int)], explanation: String) {
        let label = LabelDefinition(name: "Code-Review", values: [-1: "No", 0: "Meh", 1: "Yes"], permissions: permissions)
        let results = SubmitRequirements.evaluate(
            status: .new, isWorkInProgress: false, votes: Self.votes(votes), labels: [label], rules: SubmitRules(),
            accountNames: Self.names)
        #expect(results.first?.explanation == explanation)
    }

    @Test("Gives the same results whatever the change's status", arguments: ChangeStatus.allCases)
    func statusDoesNotChangeResults(status: ChangeStatus) {
        let votes = Self.votes([(1, "Code-Review", 2), (10, "Verified", -1)])
        func run(_ status: ChangeStatus) -> [SubmitRequirementResult] {
            SubmitRequirements.evaluate(
                status: status, isWorkInProgress: false, votes: votes, labels: Self.labels, rules: SubmitRules(),
                accountNames: Self.names)
        }
        #expect(run(status) == run(.new))
    }

    private static func results(_ statuses: [SubmitRequirementResult.Status]) -> [SubmitRequirementResult] {
        statuses.enumerated().map { SubmitRequirementResult(name: "R\($0.offset)", status: $0.element, explanation: "") }
    }

    @Test("Submits only open changes whose requirements are all satisfied or not applicable", arguments: [
        (ChangeStatus.new, [.satisfied, .satisfied, .satisfied], true),
        (.new, [.satisfied, .notApplicable, .notApplicable], true),
        (.new, [], true),
        (.new, [.satisfied, .unsatisfied, .satisfied], false),
        (.new, [.satisfied, .blocked], false),
        (.merged, [.satisfied, .satisfied], false),
        (.abandoned, [.satisfied], false),
    ] as [(ChangeStatus, [SubmitRequirementResult.Status], Bool)])
    func submittable(status: ChangeStatus, statuses: [SubmitRequirementResult.Status], expected: Bool) {
        #expect(SubmitRequirements.isSubmittable(status: status, results: Self.results(statuses)) == expected)
    }

    @Test("An approved, verified, ready change is submittable; work in progress or a veto stops it", arguments: [
        ([(1, "Code-Review", 2), (10, "Verified", 1), (1, "Workflow", 1)], false, 1, true),
        ([(1, "Code-Review", 2), (10, "Verified", 1), (1, "Workflow", 1)], true, 1, false),
        ([(1, "Code-Review", 2), (10, "Verified", 1), (1, "Workflow", 1)], false, 2, false),
        ([(1, "Code-Review", 2), (2, "Code-Review", 2), (10, "Verified", 1), (1, "Workflow", 1)], false, 2, true),
        ([(1, "Code-Review", 2), (3, "Code-Review", -2), (10, "Verified", 1), (1, "Workflow", 1)], false, 1, false),
        ([(1, "Code-Review", 2), (10, "Verified", 1)], false, 1, false),
    ] as [([(Int, String, Int)], Bool, Int, Bool)])
    func endToEnd(votes: [(Int, String, Int)], wip: Bool, required: Int, submittable: Bool) {
        let results = SubmitRequirements.evaluate(
            status: .new, isWorkInProgress: wip, votes: Self.votes(votes), labels: Self.labels,
            rules: SubmitRules(requiredCodeReviewApprovals: required), accountNames: Self.names)
        #expect(SubmitRequirements.isSubmittable(status: .new, results: results) == submittable)
    }

    @Test("Spells each status as Gerrit's JSON does")
    func statusRawValues() {
        #expect([SubmitRequirementResult.Status.satisfied, .unsatisfied, .blocked, .notApplicable].map(\.rawValue)
            == ["SATISFIED", "UNSATISFIED", "BLOCKED", "NOT_APPLICABLE"])
    }
}
