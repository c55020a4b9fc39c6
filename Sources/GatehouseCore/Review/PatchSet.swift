/// One revision of a change: exactly one commit, stored at `refs/changes/NN/N/P` so it can be fetched.
package struct PatchSet: Hashable, Sendable {
    package let id: PatchSetID
    package let commit: CommitID
    package let parents: [CommitID]
    package let uploaderID: Account.ID
    package let createdAt: Timestamp
    /// How it differs from the patch set before it; decides which votes were carried over.
    package let kind: PatchSetKind

    package init(
        id: PatchSetID, commit: CommitID, parents: [CommitID], uploaderID: Account.ID, createdAt: Timestamp, kind: PatchSetKind = .rework
    ) {
        self.id = id
        self.commit = commit
        self.parents = parents
        self.uploaderID = uploaderID
        self.createdAt = createdAt
        self.kind = kind
    }
}
