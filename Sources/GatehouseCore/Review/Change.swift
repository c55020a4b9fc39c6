/// A proposed modification of one branch of one project, identified by its number and carried by patch sets.
///
/// The `key` is the `Change-Id` footer: it is how a new commit finds the change it revises. It is unique per
/// project and branch, whatever the status, so a closed change can be recognised and the push refused.
package struct Change: Hashable, Sendable {
    package typealias Number = Int

    package let number: Number
    package let project: ProjectName
    package let branch: BranchName
    package let key: ChangeKey
    package let ownerID: Account.ID
    package var subject: String
    package var status: ChangeStatus
    package var topic: String?
    package var hashtags: [String]
    package var isWorkInProgress: Bool
    package var currentPatchSet: Int
    package let createdAt: Timestamp
    package var updatedAt: Timestamp

    package init(
        number: Number, project: ProjectName, branch: BranchName, key: ChangeKey, ownerID: Account.ID,
        subject: String, status: ChangeStatus, topic: String?, hashtags: [String], isWorkInProgress: Bool,
        currentPatchSet: Int, createdAt: Timestamp, updatedAt: Timestamp
    ) {
        self.number = number
        self.project = project
        self.branch = branch
        self.key = key
        self.ownerID = ownerID
        self.subject = subject
        self.status = status
        self.topic = topic
        self.hashtags = hashtags
        self.isWorkInProgress = isWorkInProgress
        self.currentPatchSet = currentPatchSet
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }

    package var currentPatchSetID: PatchSetID { PatchSetID(change: number, patchSet: currentPatchSet) }
}
