import GatehouseCore
import Testing

/// Who may cast what: `permittedRange`, `permittedValues` and `checkVote` on the default labels of project `demo`.
@Suite struct LabelPermissionTests {
    private static let labels = LabelDefinition.defaults(for: try! ProjectName("demo"))
    private static var codeReview: LabelDefinition { labels[0] }
    private static var verified: LabelDefinition { labels[1] }
    private static var workflow: LabelDefinition { labels[2] }

    static let anonymous = Voter(accountID: nil, groups: ["demo-core", "Service Users"], isChangeOwner: true)
    static let registered = Voter(accountID: 1_000_001, groups: [], isChangeOwner: false)
    static let owner = Voter(accountID: 1_000_002, groups: [], isChangeOwner: true)
    static let core = Voter(accountID: 1_000_003, groups: ["demo-core"], isChangeOwner: false)
    static let coreOwner = Voter(accountID: 1_000_004, groups: ["demo-core"], isChangeOwner: true)
    static let service = Voter(accountID: 1_000_005, groups: ["Service Users"], isChangeOwner: false)
    static let otherCore = Voter(accountID: 1_000_006, groups: ["other-core", "Administrators"], isChangeOwner: false)

    @Test("Unites every matching grant per label", arguments: [
        ("anonymous", anonymous, nil, nil, nil),
        ("registered user", registered, -1...1, nil, nil),
        ("change owner", owner, -1...1, nil, -1...0),
        ("demo-core member", core, -2...2, nil, -1...1),
        ("core member who owns the change", coreOwner, -2...2, nil, -1...1),
        ("Service Users member", service, -1...1, -1...1, nil),
        ("another project's core", otherCore, -1...1, nil, nil),
    ] as [(String, Voter, ClosedRange<Int>?, ClosedRange<Int>?, ClosedRange<Int>?)])
    func permittedRanges(
        who: String, voter: Voter, codeReview: ClosedRange<Int>?, verified: ClosedRange<Int>?,
        workflow: ClosedRange<Int>?
    ) {
        #expect(Self.codeReview.permittedRange(for: voter) == codeReview, "\(who)")
        #expect(Self.verified.permittedRange(for: voter) == verified, "\(who)")
        #expect(Self.workflow.permittedRange(for: voter) == workflow, "\(who)")
    }

    @Test("Lists permitted values as Gerrit's permitted_labels does", arguments: [
        (anonymous, [], [], []),
        (registered, ["-1", " 0", "+1"], [], []),
        (owner, ["-1", " 0", "+1"], [], ["-1", " 0"]),
        (coreOwner, ["-2", "-1", " 0", "+1", "+2"], [], ["-1", " 0", "+1"]),
        (service, ["-1", " 0", "+1"], ["-1", " 0", "+1"], []),
    ] as [(Voter, [String], [String], [String])])
    func permittedValues(voter: Voter, codeReview: [String], verified: [String], workflow: [String]) {
        #expect(Self.codeReview.permittedValues(for: voter) == codeReview)
        #expect(Self.verified.permittedValues(for: voter) == verified)
        #expect(Self.workflow.permittedValues(for: voter) == workflow)
    }

    private static func label(_ permissions: [LabelPermission]) -> LabelDefinition {
        LabelDefinition(
            name: "Custom", values: [-2: "a", -1: "b", 0: "c", 1: "d", 2: "e"], permissions: permissions)
    }

    @Test("Widens a grant to include 0 and combines grants as a hull within the label's range", arguments: [
        ([LabelPermission(principal: .registeredUsers, min: 1, max: 2)], 0...2),
        ([LabelPermission(principal: .registeredUsers, min: -2, max: -1)], -2...0),
        ([LabelPermission(principal: .registeredUsers, min: -2, max: -2),
          LabelPermission(principal: .group("g"), min: 2, max: 2)], -2...2),
        ([LabelPermission(principal: .group("g"), min: 0, max: 0)], 0...0),
        ([LabelPermission(principal: .registeredUsers, min: -5, max: 5)], -2...2),
        ([LabelPermission(principal: .group("h"), min: -2, max: 2),
          LabelPermission(principal: .changeOwner, min: -2, max: 2),
          LabelPermission(principal: .group("g"), min: -1, max: 1)], -1...1),
        ([LabelPermission(principal: .group("h"), min: -2, max: 2)], nil),
        ([], nil),
    ] as [([LabelPermission], ClosedRange<Int>?)])
    func unionOfGrants(permissions: [LabelPermission], range: ClosedRange<Int>?) {
        let voter = Voter(accountID: 7, groups: ["g"], isChangeOwner: false)
        #expect(Self.label(permissions).permittedRange(for: voter) == range)
    }

    @Test("Defaults a voter to no groups and not the owner")
    func voterDefaults() {
        #expect(Voter(accountID: 5) == Voter(accountID: 5, groups: [], isChangeOwner: false))
    }

    @Test("Accepts or rejects each vote with Gerrit's wording", arguments: [
        (registered, 0, 1, nil),
        (registered, 0, 0, nil),
        (registered, 0, -1, nil),
        (registered, 0, 2, #"Applying label "Code-Review": +2 is restricted"#),
        (registered, 0, -2, #"Applying label "Code-Review": -2 is restricted"#),
        (registered, 0, 3, #"label "Code-Review": 3 is not a valid value; allowed: -2..+2"#),
        (core, 0, -3, #"label "Code-Review": -3 is not a valid value; allowed: -2..+2"#),
        (core, 0, 2, nil),
        (core, 0, -2, nil),
        (anonymous, 0, 0, #"Applying label "Code-Review": 0 is restricted"#),
        (anonymous, 0, 1, #"Applying label "Code-Review": +1 is restricted"#),
        (anonymous, 0, 5, #"label "Code-Review": 5 is not a valid value; allowed: -2..+2"#),
        (registered, 1, 1, #"Applying label "Verified": +1 is restricted"#),
        (registered, 1, 0, #"Applying label "Verified": 0 is restricted"#),
        (core, 1, -1, #"Applying label "Verified": -1 is restricted"#),
        (service, 1, 1, nil),
        (service, 1, -1, nil),
        (service, 1, 2, #"label "Verified": 2 is not a valid value; allowed: -1..+1"#),
        (owner, 2, -1, nil),
        (owner, 2, 0, nil),
        (owner, 2, 1, #"Applying label "Workflow": +1 is restricted"#),
        (core, 2, 1, nil),
        (coreOwner, 2, 1, nil),
        (coreOwner, 2, -1, nil),
        (service, 2, -1, #"Applying label "Workflow": -1 is restricted"#),
    ] as [(Voter, Int, Int, String?)])
    func checkVote(voter: Voter, labelIndex: Int, value: Int, rejection: String?) {
        #expect(Self.labels[labelIndex].checkVote(value, by: voter)?.description == rejection)
    }

    @Test("Returns the structured rejection the REST layer maps to a status")
    func rejectionCases() {
        #expect(Self.codeReview.checkVote(3, by: Self.core) == .outOfRange(label: "Code-Review", value: 3, range: -2...2))
        #expect(Self.codeReview.checkVote(2, by: Self.registered) == .restricted(label: "Code-Review", value: 2))
        #expect(Self.workflow.checkVote(1, by: Self.coreOwner) == nil)
    }

    @Test("Describes every rejection", arguments: [
        (VoteRejection.unknownLabel("Foo"), #"label "Foo" is not a configured label"#),
        (.outOfRange(label: "Verified", value: -2, range: -1...1), #"label "Verified": -2 is not a valid value; allowed: -1..+1"#),
        (.outOfRange(label: "Backport", value: 3, range: 0...1), #"label "Backport": 3 is not a valid value; allowed: 0..+1"#),
        (.restricted(label: "Workflow", value: 1), #"Applying label "Workflow": +1 is restricted"#),
    ])
    func rejectionDescriptions(rejection: VoteRejection, text: String) {
        #expect(rejection.description == text)
    }
}
