/// Gerrit's ChangeInfo, with the fields existing clients read (see the compatibility notes).
///
/// Optional fields are omitted from JSON when nil; flags are nil rather than false, as Gerrit omits them.
public struct ChangeInfo: Codable, Equatable, Sendable {
    public var id: String
    public var tripletID: String
    public var project: String
    public var branch: String
    public var topic: String?
    public var hashtags: [String]
    public var changeID: String
    public var subject: String
    public var status: String
    public var created: String
    public var updated: String
    public var submitted: String?
    public var number: Int
    public var owner: AccountInfo
    public var workInProgress: Bool?
    public var currentRevisionNumber: Int?
    public var currentRevision: String?
    public var revisions: [String: RevisionInfo]?
    public var messages: [ChangeMessageInfo]?
    public var labels: [String: LabelInfo]?
    public var permittedLabels: [String: [String]]?
    public var reviewers: [String: [AccountInfo]]?
    public var submitRequirements: [SubmitRequirementResultInfo]?
    public var submittable: Bool?
    public var totalCommentCount: Int?
    public var unresolvedCommentCount: Int?
    public var moreChanges: Bool?

    public init(
        id: String, tripletID: String, project: String, branch: String, topic: String?, hashtags: [String], changeID: String,
        subject: String, status: String, created: String, updated: String, number: Int, owner: AccountInfo
    ) {
        self.id = id
        self.tripletID = tripletID
        self.project = project
        self.branch = branch
        self.topic = topic
        self.hashtags = hashtags
        self.changeID = changeID
        self.subject = subject
        self.status = status
        self.created = created
        self.updated = updated
        self.number = number
        self.owner = owner
    }

    enum CodingKeys: String, CodingKey {
        case id
        case tripletID = "triplet_id"
        case project, branch, topic, hashtags
        case changeID = "change_id"
        case subject, status, created, updated, submitted
        case number = "_number"
        case owner
        case workInProgress = "work_in_progress"
        case currentRevisionNumber = "current_revision_number"
        case currentRevision = "current_revision"
        case revisions, messages, labels
        case permittedLabels = "permitted_labels"
        case reviewers
        case submitRequirements = "submit_requirements"
        case submittable
        case totalCommentCount = "total_comment_count"
        case unresolvedCommentCount = "unresolved_comment_count"
        case moreChanges = "_more_changes"
    }
}

extension ChangeInfo: JSONValueWritable {
    package func writeJSON(to output: inout JSONOutput) {
        output.beginObject()
        output.field(CodingKeys.id, id)
        output.field(CodingKeys.tripletID, tripletID)
        output.field(CodingKeys.project, project)
        output.field(CodingKeys.branch, branch)
        output.field(CodingKeys.topic, topic)
        output.field(CodingKeys.hashtags, hashtags)
        output.field(CodingKeys.changeID, changeID)
        output.field(CodingKeys.subject, subject)
        output.field(CodingKeys.status, status)
        output.field(CodingKeys.created, created)
        output.field(CodingKeys.updated, updated)
        output.field(CodingKeys.submitted, submitted)
        output.field(CodingKeys.number, number)
        output.field(CodingKeys.owner, owner)
        output.field(CodingKeys.workInProgress, workInProgress)
        output.field(CodingKeys.currentRevisionNumber, currentRevisionNumber)
        output.field(CodingKeys.currentRevision, currentRevision)
        output.field(CodingKeys.revisions, revisions)
        output.field(CodingKeys.messages, messages)
        output.field(CodingKeys.labels, labels)
        output.field(CodingKeys.permittedLabels, permittedLabels)
        output.field(CodingKeys.reviewers, reviewers)
        output.field(CodingKeys.submitRequirements, submitRequirements)
        output.field(CodingKeys.submittable, submittable)
        output.field(CodingKeys.totalCommentCount, totalCommentCount)
        output.field(CodingKeys.unresolvedCommentCount, unresolvedCommentCount)
        output.field(CodingKeys.moreChanges, moreChanges)
        output.endObject()
    }
}
