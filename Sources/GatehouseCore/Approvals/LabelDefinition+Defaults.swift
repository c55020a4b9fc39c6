extension LabelDefinition {
    /// The three labels every project starts with, in this order: Code-Review, Verified, Workflow.
    ///
    /// They follow OpenDev: anyone signed in can give Code-Review ±1, only core reviewers hold the casting
    /// +2/−2 and approve with Workflow +1, the gate's service account alone sets Verified, and an owner can
    /// mark their own change work in progress (Workflow −1). A −2 is sticky because it is a veto; other votes
    /// survive only new patch sets that cannot have invalidated them.
    package static func defaults(for project: ProjectName) -> [LabelDefinition] {
        let core = LabelPrincipal.group(Group.coreGroupName(of: project))
        return [
            LabelDefinition(
                name: "Code-Review",
                values: [
                    -2: "This shall not be submitted",
                    -1: "I would prefer this is not submitted as is",
                    0: "No score",
                    1: "Looks good to me, but someone else must approve",
                    2: "Looks good to me, approved",
                ],
                defaultValue: 0,
                permissions: [
                    LabelPermission(principal: .registeredUsers, min: -1, max: 1),
                    LabelPermission(principal: core, min: -2, max: 2),
                ],
                copyOn: [.noCodeChange, .noChange, .trivialRebase],
                stickyMinimum: true
            ),
            LabelDefinition(
                name: "Verified",
                values: [-1: "Fails", 0: "No score", 1: "Verified"],
                defaultValue: 0,
                permissions: [LabelPermission(principal: .group(Group.serviceUsers), min: -1, max: 1)],
                copyOn: [.noCodeChange, .noChange],
                stickyMinimum: false
            ),
            LabelDefinition(
                name: "Workflow",
                values: [-1: "Work in progress", 0: "Ready for reviews", 1: "Approved"],
                defaultValue: 0,
                permissions: [
                    LabelPermission(principal: core, min: -1, max: 1),
                    LabelPermission(principal: .changeOwner, min: -1, max: 0),
                ],
                copyOn: [.noChange],
                stickyMinimum: false
            ),
        ]
    }
}
