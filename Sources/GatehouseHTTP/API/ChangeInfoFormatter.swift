import GatehouseAPIModels
import GatehouseCore
import GatehouseGit
import GatehouseReview
import GatehouseStore

/// Builds ChangeInfo JSON for a page of changes, loading only what the options ask for, in batches: one
/// query for all accounts, one for all patch sets, one `git cat-file` per project for commits.
struct ChangeInfoFormatter {
    let context: ReviewContext
    let options: Set<ChangeOption>
    let user: CurrentUser

    func format(_ changes: [(Change, Project)], in tx: StoreTransaction) async throws -> [ChangeInfo] {
        let numbers = changes.map(\.0.number)
        let wantsRevisions = options.contains(.currentRevision) || options.contains(.allRevisions)
        let patchSets = wantsRevisions ? try await tx.patchSets(ofChanges: numbers) : [:]
        let withMessages = options.contains(.messages)
        var messages: [Change.Number: [ChangeMessage]] = [:]
        var reviewers: [Change.Number: [Reviewer]] = [:]
        for change in changes.map(\.0) {
            if withMessages { messages[change.number] = try await tx.messages(of: change.number) }
            if options.contains(.detailedLabels) { reviewers[change.number] = try await tx.reviewers(of: change.number) }
        }
        var accountIDs = Set(changes.map(\.0.ownerID))
        accountIDs.formUnion(patchSets.values.joined().map(\.uploaderID))
        accountIDs.formUnion(messages.values.joined().compactMap(\.authorID))
        accountIDs.formUnion(reviewers.values.joined().map(\.accountID))
        let accounts = try await tx.accounts(ids: accountIDs)
        let commits = try await loadCommits(changes: changes, patchSets: patchSets)
        let showEmail = !user.isAnonymous

        func account(_ id: Account.ID) -> AccountInfo {
            accounts[id].map { AccountInfo($0, showEmail: showEmail) } ?? AccountInfo(accountID: id)
        }

        return changes.map { change, project in
            var info = ChangeInfo(
                id: "\(project.name.urlEncoded)~\(change.number)",
                tripletID: "\(project.name.urlEncoded)~\(PercentEncoding.encodeComponent(change.branch.rawValue))~\(change.key.rawValue)",
                project: project.name.rawValue, branch: change.branch.rawValue, topic: change.topic, hashtags: change.hashtags,
                changeID: change.key.rawValue, subject: change.subject, status: change.status.rawValue,
                created: change.createdAt.gerritFormat, updated: change.updatedAt.gerritFormat, number: change.number,
                owner: account(change.ownerID)
            )
            info.workInProgress = change.isWorkInProgress ? true : nil
            info.currentRevisionNumber = change.currentPatchSet
            if options.contains(.labels) || options.contains(.detailedLabels) { info.labels = [:] }
            if options.contains(.detailedLabels) {
                info.permittedLabels = [:]
                let list = reviewers[change.number] ?? []
                var map: [String: [AccountInfo]] = [:]
                for reviewer in list { map[reviewer.state.rawValue, default: []].append(account(reviewer.accountID)) }
                info.reviewers = map
            }
            if withMessages {
                info.messages = (messages[change.number] ?? []).map {
                    ChangeMessageInfo(
                        id: $0.id, author: $0.authorID.map(account), date: $0.createdAt.gerritFormat, message: $0.message,
                        tag: $0.tag, revisionNumber: $0.patchSet
                    )
                }
            }
            if wantsRevisions, let sets = patchSets[change.number] {
                let shown = options.contains(.allRevisions) ? sets : sets.filter { $0.id.patchSet == change.currentPatchSet }
                var revisions: [String: RevisionInfo] = [:]
                for patchSet in shown {
                    let isCurrent = patchSet.id.patchSet == change.currentPatchSet
                    let withCommit = options.contains(.allCommits) || (isCurrent && options.contains(.currentCommit))
                    revisions[patchSet.commit.hex] = RevisionInfo(
                        kind: "REWORK", number: patchSet.id.patchSet, created: patchSet.createdAt.gerritFormat,
                        uploader: account(patchSet.uploaderID), ref: patchSet.id.refName,
                        fetch: fetchInfo(project: project, ref: patchSet.id.refName),
                        commit: withCommit ? commits[patchSet.commit].map { commitInfo($0, parentSubjects: commits) } : nil
                    )
                    if isCurrent { info.currentRevision = patchSet.commit.hex }
                }
                info.revisions = revisions
            }
            return info
        }
    }

    /// Where git-review and gertty fetch a patch set from: never empty (they fail on `{}`).
    private func fetchInfo(project: Project, ref: String) -> [String: FetchInfo] {
        let anonymousURL = "\(context.baseURL)/\(project.name.rawValue)"
        let authenticatedURL = "\(context.baseURL)/a/\(project.name.rawValue)"
        func commands(_ url: String) -> [String: String]? {
            guard options.contains(.downloadCommands) else { return nil }
            return [
                "Checkout": "git fetch \(url) \(ref) && git checkout FETCH_HEAD",
                "Cherry Pick": "git fetch \(url) \(ref) && git cherry-pick FETCH_HEAD",
                "Format Patch": "git fetch \(url) \(ref) && git format-patch -1 --stdout FETCH_HEAD",
                "Pull": "git pull \(url) \(ref)",
            ]
        }
        var fetch = ["http": FetchInfo(url: authenticatedURL, ref: ref, commands: commands(authenticatedURL))]
        if !project.isPrivate { fetch["anonymous http"] = FetchInfo(url: anonymousURL, ref: ref, commands: commands(anonymousURL)) }
        return fetch
    }

    private func loadCommits(changes: [(Change, Project)], patchSets: [Change.Number: [PatchSet]]) async throws -> [CommitID: CommitObject] {
        guard options.contains(.currentCommit) || options.contains(.allCommits) else { return [:] }
        var byProject: [ProjectName: [CommitID]] = [:]
        for (change, _) in changes {
            for patchSet in patchSets[change.number] ?? [] where options.contains(.allCommits) || patchSet.id.patchSet == change.currentPatchSet {
                byProject[change.project, default: []].append(patchSet.commit)
                byProject[change.project, default: []] += patchSet.parents
            }
        }
        var result: [CommitID: CommitObject] = [:]
        for (project, ids) in byProject {
            let unique = Array(Set(ids))
            for commit in try await context.repository(for: project).commits(unique, tolerateMissing: true) { result[commit.id] = commit }
        }
        return result
    }

    private func commitInfo(_ commit: CommitObject, parentSubjects: [CommitID: CommitObject]) -> CommitInfo {
        func person(_ identity: GitIdentity) -> GitPersonInfo {
            GitPersonInfo(name: identity.name, email: identity.email, date: identity.time.gerritFormat, tz: identity.timeZoneOffsetMinutes)
        }
        return CommitInfo(
            commit: nil,
            parents: commit.parents.map { CommitInfo.ParentInfo(commit: $0.hex, subject: parentSubjects[$0]?.subject) },
            author: person(commit.author), committer: person(commit.committer), subject: commit.subject, message: commit.message ?? ""
        )
    }
}
