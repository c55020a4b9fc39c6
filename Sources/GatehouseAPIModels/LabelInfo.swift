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

extension LabelInfo: JSONValueWritable {
    package func writeJSON(to output: inout JSONOutput) {
        output.beginObject()
        output.field(CodingKeys.approved, approved)
        output.field(CodingKeys.rejected, rejected)
        output.field(CodingKeys.recommended, recommended)
        output.field(CodingKeys.disliked, disliked)
        output.field(CodingKeys.blocking, blocking)
        output.field(CodingKeys.value, value)
        output.field(CodingKeys.defaultValue, defaultValue)
        output.field(CodingKeys.all, all)
        output.field(CodingKeys.values, values)
        output.endObject()
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

extension ApprovalInfo: JSONValueWritable {
    package func writeJSON(to output: inout JSONOutput) {
        output.beginObject()
        output.field(CodingKeys.accountID, accountID)
        output.field(CodingKeys.name, name)
        output.field(CodingKeys.email, email)
        output.field(CodingKeys.username, username)
        output.field(CodingKeys.value, value)
        output.field(CodingKeys.date, date)
        output.field(CodingKeys.tag, tag)
        output.field(CodingKeys.permittedVotingRange, permittedVotingRange)
        output.endObject()
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

extension VotingRangeInfo: JSONValueWritable {
    package func writeJSON(to output: inout JSONOutput) {
        output.beginObject()
        output.field(CodingKeys.min, min)
        output.field(CodingKeys.max, max)
        output.endObject()
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

extension SubmitRequirementResultInfo: JSONValueWritable {
    package func writeJSON(to output: inout JSONOutput) {
        output.beginObject()
        output.field(CodingKeys.name, name)
        output.field(CodingKeys.description, description)
        output.field(CodingKeys.status, status)
        output.field(CodingKeys.isLegacy, isLegacy)
        output.field(CodingKeys.submittabilityExpressionResult, submittabilityExpressionResult)
        output.endObject()
    }
}

/// Gerrit's SubmitRequirementExpressionInfo (the parts we fill).
public struct SubmitRequirementExpressionInfo: Codable, Equatable, Sendable {
    public var expression: String
    public var fulfilled: Bool
}

extension SubmitRequirementExpressionInfo: JSONValueWritable {
    package func writeJSON(to output: inout JSONOutput) {
        output.beginObject()
        output.field(CodingKeys.expression, expression)
        output.field(CodingKeys.fulfilled, fulfilled)
        output.endObject()
    }
}
