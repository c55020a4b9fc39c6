import Foundation
import GatehouseCore
import Testing

@Suite struct LabelDefinitionTests {
    private static let demo = try! ProjectName("demo")

    /// The values map keyed as Gerrit's JSON keys it, which makes the expectations read like the REST output.
    private static func formatted(_ label: LabelDefinition) -> [String: String] {
        Dictionary(uniqueKeysWithValues: label.values.map { (LabelDefinition.formatValue($0.key), $0.value) })
    }

    @Test("Gives every project Code-Review, Verified and Workflow in that order")
    func defaultLabelNames() {
        #expect(LabelDefinition.defaults(for: Self.demo).map(\.name) == ["Code-Review", "Verified", "Workflow"])
    }

    @Test("Code-Review is -2..+2, ±1 for everyone, ±2 for core, copied on trivial changes, with a sticky veto")
    func defaultCodeReview() throws {
        let label = try #require(LabelDefinition.defaults(for: Self.demo).first)
        #expect(Self.formatted(label) == [
            "-2": "This shall not be submitted",
            "-1": "I would prefer this is not submitted as is",
            " 0": "No score",
            "+1": "Looks good to me, but someone else must approve",
            "+2": "Looks good to me, approved",
        ])
        #expect(label.defaultValue == 0)
        #expect(label.permissions == [
            LabelPermission(principal: .registeredUsers, min: -1, max: 1),
            LabelPermission(principal: .group("demo-core"), min: -2, max: 2),
        ])
        #expect(label.copyOn == [.noCodeChange, .noChange, .trivialRebase])
        #expect(label.stickyMinimum)
        #expect(label.min == -2 && label.max == 2 && label.range == -2...2)
    }

    @Test("Verified is -1..+1 for Service Users, copied only when the code did not change")
    func defaultVerified() {
        let label = LabelDefinition.defaults(for: Self.demo)[1]
        #expect(Self.formatted(label) == ["-1": "Fails", " 0": "No score", "+1": "Verified"])
        #expect(label.defaultValue == 0)
        #expect(label.permissions == [LabelPermission(principal: .group("Service Users"), min: -1, max: 1)])
        #expect(label.copyOn == [.noCodeChange, .noChange])
        #expect(!label.stickyMinimum)
        #expect(label.range == -1...1)
    }

    @Test("Workflow is -1..+1 for core, -1..0 for the owner, copied only on no change")
    func defaultWorkflow() {
        let label = LabelDefinition.defaults(for: Self.demo)[2]
        #expect(Self.formatted(label) == ["-1": "Work in progress", " 0": "Ready for reviews", "+1": "Approved"])
        #expect(label.defaultValue == 0)
        #expect(label.permissions == [
            LabelPermission(principal: .group("demo-core"), min: -1, max: 1),
            LabelPermission(principal: .changeOwner, min: -1, max: 0),
        ])
        #expect(label.copyOn == [.noChange])
        #expect(!label.stickyMinimum)
    }

    @Test("Names the project's own core group and passes validation", arguments: [
        "demo", "openstack/nova", "a.b_c-d",
    ])
    func defaultsValidate(project: String) throws {
        let labels = LabelDefinition.defaults(for: try ProjectName(project))
        for label in labels { try label.validate() }
        #expect(labels[0].permissions[1].principal == .group("\(project)-core"))
        #expect(labels[2].permissions[0].principal == .group("\(project)-core"))
    }

    @Test("A label without values has the range 0...0")
    func emptyValues() {
        let label = LabelDefinition(name: "Empty", values: [:])
        #expect(label.min == 0 && label.max == 0 && label.range == 0...0)
    }

    @Test("Accepts well-formed labels", arguments: [
        LabelDefinition(name: String(repeating: "L", count: 64), values: [0: "No score"]),
        LabelDefinition(name: "A", values: [0: "No", 1: "Yes"], defaultValue: 1),
        LabelDefinition(name: "9lives", values: [-1: "Down", 0: "Meh"]),
        LabelDefinition(
            name: "Backport-Candidate", values: [0: "No", 1: "Maybe", 2: "Yes"],
            permissions: [LabelPermission(principal: .changeOwner, min: 0, max: 0),
                          LabelPermission(principal: .group("release"), min: 0, max: 2)]),
    ])
    func acceptsValidLabels(label: LabelDefinition) throws {
        try label.validate()
    }

    private static let fine: [Int: String] = [-2: "a", -1: "b", 0: "c", 1: "d", 2: "e"]

    @Test("Rejects broken labels with a sentence that names the problem", arguments: [
        (LabelDefinition(name: "", values: fine), "label name must be 1 to 64 characters"),
        (LabelDefinition(name: String(repeating: "L", count: 65), values: fine), "label name must be 1 to 64 characters"),
        (LabelDefinition(name: "Code Review", values: fine),
         #"invalid label name "Code Review": use only letters, digits and '-', not starting with '-'"#),
        (LabelDefinition(name: "-Review", values: fine),
         #"invalid label name "-Review": use only letters, digits and '-', not starting with '-'"#),
        (LabelDefinition(name: "Code_Review", values: fine),
         #"invalid label name "Code_Review": use only letters, digits and '-', not starting with '-'"#),
        (LabelDefinition(name: "Révision", values: fine),
         #"invalid label name "Révision": use only letters, digits and '-', not starting with '-'"#),
        (LabelDefinition(name: "X", values: [:]), #"label "X": values must include 0"#),
        (LabelDefinition(name: "X", values: [1: "a", 2: "b"]), #"label "X": values must include 0"#),
        (LabelDefinition(name: "X", values: [-2: "a", 0: "b", 1: "c"]),
         #"label "X": values must be contiguous, but -1 is missing"#),
        (LabelDefinition(name: "X", values: [0: "a", 3: "b"]), #"label "X": values must be contiguous, but +1 is missing"#),
        (LabelDefinition(name: "X", values: [0: "", 1: "b"]), #"label "X": value 0 needs a description"#),
        (LabelDefinition(name: "X", values: [0: "a", 1: "   "]), #"label "X": value +1 needs a description"#),
        (LabelDefinition(name: "X", values: fine, defaultValue: 3), #"label "X": default value +3 is outside -2..+2"#),
        (LabelDefinition(name: "X", values: fine, defaultValue: -3), #"label "X": default value -3 is outside -2..+2"#),
        (LabelDefinition(name: "X", values: fine, permissions: [LabelPermission(principal: .group("demo-core"), min: 1, max: -1)]),
         #"label "X": permission for group "demo-core" has min +1 above max -1"#),
        (LabelDefinition(name: "X", values: fine, permissions: [LabelPermission(principal: .registeredUsers, min: -3, max: 1)]),
         #"label "X": permission for registered users allows -3..+1, beyond the label's range -2..+2"#),
        (LabelDefinition(name: "X", values: fine, permissions: [LabelPermission(principal: .changeOwner, min: 0, max: 3)]),
         #"label "X": permission for the change owner allows 0..+3, beyond the label's range -2..+2"#),
        (LabelDefinition(name: "X", values: fine, permissions: [LabelPermission(principal: .group(" "), min: 0, max: 1)]),
         #"label "X": a permission names an empty group"#),
        (LabelDefinition(name: "X", values: fine, permissions: [
            LabelPermission(principal: .registeredUsers, min: -1, max: 1),
            LabelPermission(principal: .group("g"), min: -2, max: 5),
        ]), #"label "X": permission for group "g" allows -2..+5, beyond the label's range -2..+2"#),
    ])
    func rejectsInvalidLabels(label: LabelDefinition, message: String) {
        #expect(throws: ValidationError(message)) { try label.validate() }
    }

    @Test("Survives a JSON round trip, as projects store their labels")
    func codableRoundTrip() throws {
        let labels = LabelDefinition.defaults(for: Self.demo)
        let data = try JSONEncoder().encode(labels)
        #expect(try JSONDecoder().decode([LabelDefinition].self, from: data) == labels)
        let rules = SubmitRules(requiredCodeReviewApprovals: 2)
        #expect(try JSONDecoder().decode(SubmitRules.self, from: JSONEncoder().encode(rules)) == rules)
    }
}
