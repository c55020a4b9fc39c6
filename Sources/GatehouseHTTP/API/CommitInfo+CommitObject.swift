import GatehouseAPIModels
import GatehouseCore
import GatehouseGit

/// Gerrit's CommitInfo of a commit; `parents` supplies the subjects Gerrit shows beside each parent.
extension CommitInfo {
    init(_ commit: CommitObject, parents: [CommitObject], includeID: Bool) {
        func person(_ identity: GitIdentity) -> GitPersonInfo {
            GitPersonInfo(name: identity.name, email: identity.email, date: identity.time.gerritFormat, tz: identity.timeZoneOffsetMinutes)
        }
        let subjects = Dictionary(parents.map { ($0.id, $0.subject) }, uniquingKeysWith: { first, _ in first })
        self.init(
            commit: includeID ? commit.id.hex : nil,
            parents: commit.parents.map { CommitInfo.ParentInfo(commit: $0.hex, subject: subjects[$0]) },
            author: person(commit.author), committer: person(commit.committer), subject: commit.subject, message: commit.message ?? ""
        )
    }
}
