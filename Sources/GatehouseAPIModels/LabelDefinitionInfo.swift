/// Gerrit's LabelDefinitionInfo, plus who may vote (`permissions`), which Gerrit keeps in access rights and
/// Gatehouse keeps with the label.
public struct LabelDefinitionInfo: Codable, Equatable, Sendable {
    public var name: String
    public var projectName: String
    public var values: [String: String]
    public var defaultValue: Int
    public var copyOn: [String]
    public var stickyMinimum: Bool
    public var permissions: [LabelPermissionInfo]

    public init(name: String, projectName: String, values: [String: String], defaultValue: Int, copyOn: [String], stickyMinimum: Bool, permissions: [LabelPermissionInfo]) {
        self.name = name
        self.projectName = projectName
        self.values = values
        self.defaultValue = defaultValue
        self.copyOn = copyOn
        self.stickyMinimum = stickyMinimum
        self.permissions = permissions
    }

    enum CodingKeys: String, CodingKey {
        case name
        case projectName = "project_name"
        case values
        case defaultValue = "default_value"
        case copyOn = "copy_on"
        case stickyMinimum = "sticky_minimum"
        case permissions
    }
}

/// Who may vote which range: `group` names a group; the special names "Registered Users" and "Change Owner" are
/// every signed-in user and the change's owner.
public struct LabelPermissionInfo: Codable, Equatable, Sendable {
    public var group: String
    public var min: Int
    public var max: Int

    public init(group: String, min: Int, max: Int) {
        self.group = group
        self.min = min
        self.max = max
    }
}

/// The body of `PUT /projects/{project}/labels/{label}`; absent fields keep their current (or default) value.
public struct LabelDefinitionInput: Codable, Sendable {
    public var values: [String: String]?
    public var defaultValue: Int?
    public var copyOn: [String]?
    public var stickyMinimum: Bool?
    public var permissions: [LabelPermissionInfo]?

    enum CodingKeys: String, CodingKey {
        case values
        case defaultValue = "default_value"
        case copyOn = "copy_on"
        case stickyMinimum = "sticky_minimum"
        case permissions
    }
}

/// The body of `PUT /projects/{project}/submit_rules` and its answer.
public struct SubmitRulesInfo: Codable, Equatable, Sendable {
    public var codeReviewApprovals: Int

    public init(codeReviewApprovals: Int) { self.codeReviewApprovals = codeReviewApprovals }

    enum CodingKeys: String, CodingKey {
        case codeReviewApprovals = "code_review_approvals"
    }
}
