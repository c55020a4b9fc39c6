/// Gerrit's LabelInfo: the state of one label on a change. `all` and `values` come with DETAILED_LABELS.
public struct LabelInfo: Codable, Equatable, Sendable {
    public var approved: AccountInfo?
    public var rejected: AccountInfo?
    public var recommended: AccountInfo?
    public var disliked: AccountInfo?
    public var blocking: Bool?
    public var value: Int?
    public var defaultValue: Int?
    public var all: [ApprovalInfo]?
    public var values: [String: String]?

    public init() {}

    enum CodingKeys: String, CodingKey {
        case approved, rejected, recommended, disliked, blocking, value
        case defaultValue = "default_value"
        case all, values
    }
}

/// Gerrit's ApprovalInfo: an account's vote (0 for a reviewer who has not voted).
public struct ApprovalInfo: Codable, Equatable, Sendable {
    public var accountID: Int
    public var name: String?
    public var email: String?
    public var username: String?
    public var value: Int?
    public var date: String?
    public var tag: String?
    public var permittedVotingRange: VotingRangeInfo?

    public init(account: AccountInfo, value: Int?, date: String?, tag: String?, permittedVotingRange: VotingRangeInfo?) {
        self.accountID = account.accountID
        self.name = account.name
        self.email = account.email
        self.username = account.username
        self.value = value
        self.date = date
        self.tag = tag
        self.permittedVotingRange = permittedVotingRange
    }

    enum CodingKeys: String, CodingKey {
        case accountID = "_account_id"
        case name, email, username, value, date, tag
        case permittedVotingRange = "permitted_voting_range"
    }
}

/// Gerrit's VotingRangeInfo.
public struct VotingRangeInfo: Codable, Equatable, Sendable {
    public var min: Int
    public var max: Int
    public init(min: Int, max: Int) {
        self.min = min
        self.max = max
    }
}

/// Gerrit's SubmitRequirementResultInfo, with the sentence a person reads in `description`.
public struct SubmitRequirementResultInfo: Codable, Equatable, Sendable {
    public var name: String
    public var description: String
    public var status: String
    public var isLegacy: Bool
    public var submittabilityExpressionResult: SubmitRequirementExpressionInfo

    public init(name: String, description: String, status: String, expression: String, fulfilled: Bool) {
        self.name = name
        self.description = description
        self.status = status
        self.isLegacy = false
        self.submittabilityExpressionResult = SubmitRequirementExpressionInfo(expression: expression, fulfilled: fulfilled)
    }

    enum CodingKeys: String, CodingKey {
        case name, description, status
        case isLegacy = "is_legacy"
        case submittabilityExpressionResult = "submittability_expression_result"
    }
}

/// Gerrit's SubmitRequirementExpressionInfo (the parts we fill).
public struct SubmitRequirementExpressionInfo: Codable, Equatable, Sendable {
    public var expression: String
    public var fulfilled: Bool
}
