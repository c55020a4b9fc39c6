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
        var approvals = try await labelData(changes, in: tx)
        accountIDs.formUnion(approvals.votes.values.joined().map(\.accountID))
        let accounts = try await tx.accounts(ids: accountIDs)
        approvals.evaluateRequirements(for: changes.map(\.0), names: accounts.mapValues(\.username))
        let commentCounts = try await tx.unresolvedCommentCounts(of: numbers)
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
            info.totalCommentCount = commentCounts[change.number]?.total ?? 0
            info.unresolvedCommentCount = commentCounts[change.number]?.unresolved ?? 0
            let votes = approvals.votes[change.number] ?? []
            let labels = approvals.labels[change.project] ?? []
            if options.contains(.labels) || options.contains(.detailedLabels) {
                info.labels = labelInfos(labels, votes: votes, reviewers: reviewers[change.number] ?? [], change: change, account: account)
            }
            if let results = approvals.requirements[change.number] {
                info.submitRequirements = results.map { result in
                    SubmitRequirementResultInfo(
                        name: result.name, description: result.explanation,
                        status: result.status == .blocked ? "UNSATISFIED" : result.status.rawValue,
                        expression: Self.expression(for: result.name), fulfilled: result.status == .satisfied || result.status == .notApplicable
                    )
                }
                if options.contains(.submittable) {
                    info.submittable = SubmitRequirements.isSubmittable(status: change.status, results: results)
                }
            }
            if options.contains(.detailedLabels) {
                let voter = Voter(accountID: user.account?.id, groups: user.groups, isChangeOwner: user.account?.id == change.ownerID)
                info.permittedLabels = change.status.isOpen
                    ? Dictionary(labels.map { ($0.name, $0.permittedValues(for: voter)) }.filter { !$0.1.isEmpty }, uniquingKeysWith: { $1 })
                    : [:]
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
                        kind: patchSet.kind.rawValue, number: patchSet.id.patchSet, created: patchSet.createdAt.gerritFormat,
                        uploader: account(patchSet.uploaderID), ref: patchSet.id.refName,
                        fetch: fetchInfo(project: project, ref: patchSet.id.refName),
                        commit: withCommit ? commits[patchSet.commit].map { CommitInfo($0, parents: $0.parents.compactMap { commits[$0] }, includeID: false) } : nil
                    )
                    if isCurrent { info.currentRevision = patchSet.commit.hex }
                }
                info.revisions = revisions
            }
            return info
        }
    }

    /// Labels, rules and current votes, for the changes whose options ask for them; the requirements are
    /// evaluated once the accounts are loaded (one query for every name on the page).
    private func labelData(_ changes: [(Change, Project)], in tx: StoreTransaction) async throws -> ApprovalData {
        let wantsLabels = options.contains(.labels) || options.contains(.detailedLabels)
        let wantsRequirements = options.contains(.submitRequirements) || options.contains(.submittable) || options.contains(.detailedLabels)
        var data = ApprovalData(wantsRequirements: wantsRequirements)
        guard wantsLabels || wantsRequirements else { return data }
        for project in Set(changes.map(\.0.project)) {
            data.labels[project] = try await tx.labels(of: project)
            if wantsRequirements { data.rules[project] = try await tx.submitRules(of: project) }
        }
        data.votes = try await tx.currentVotes(of: changes.map(\.0))
        return data
    }

    /// Gerrit's LabelInfo for each label: the deciding votes always; every vote and the value names in detail.
    private func labelInfos(
        _ labels: [LabelDefinition], votes: [Vote], reviewers: [Reviewer], change: Change, account: (Account.ID) -> AccountInfo
    ) -> [String: LabelInfo] {
        var result: [String: LabelInfo] = [:]
        for label in labels {
            var info = LabelInfo()
            let cast = votes.filter { $0.label == label.name && $0.value != 0 }
            if let vote = cast.first(where: { $0.value == label.max }) { info.approved = account(vote.accountID) }
            if let vote = cast.first(where: { $0.value == label.min }) {
                info.rejected = account(vote.accountID)
                info.blocking = true
            }
            if info.approved == nil, let vote = cast.filter({ $0.value > 0 }).max(by: { $0.value < $1.value }) { info.recommended = account(vote.accountID) }
            if info.rejected == nil, let vote = cast.filter({ $0.value < 0 }).min(by: { $0.value < $1.value }) { info.disliked = account(vote.accountID) }
            info.defaultValue = label.defaultValue
            if options.contains(.detailedLabels) {
                var all: [ApprovalInfo] = []
                let voters = Set(cast.map(\.accountID))
                for vote in cast {
                    all.append(ApprovalInfo(account: account(vote.accountID), value: vote.value, date: vote.date.gerritFormat, tag: vote.tag, permittedVotingRange: nil))
                }
                for reviewer in reviewers where reviewer.state == .reviewer && !voters.contains(reviewer.accountID) {
                    all.append(ApprovalInfo(account: account(reviewer.accountID), value: 0, date: nil, tag: nil, permittedVotingRange: nil))
                }
                info.all = all
                info.values = Dictionary(uniqueKeysWithValues: label.values.map { (LabelDefinition.formatValue($0.key), $0.value) })
            }
            result[label.name] = info
        }
        return result
    }

    /// The submittability expression Gerrit would show for each of our requirements.
    static func expression(for requirement: String) -> String {
        switch requirement {
        case "Code-Review": "label:Code-Review=MAX AND -label:Code-Review=MIN"
        case "Verified": "label:Verified=MAX AND -label:Verified=MIN"
        case "Workflow": "label:Workflow=MAX AND -label:Workflow=MIN"
        case "No-Work-In-Progress": "-is:wip"
        default: requirement
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
}

/// What a page of changes needs to show labels and submit requirements.
struct ApprovalData {
    let wantsRequirements: Bool
    var labels: [ProjectName: [LabelDefinition]] = [:]
    var rules: [ProjectName: SubmitRules] = [:]
    var votes: [Change.Number: [Vote]] = [:]
    var requirements: [Change.Number: [SubmitRequirementResult]] = [:]

    init(wantsRequirements: Bool) {
        self.wantsRequirements = wantsRequirements
    }

    mutating func evaluateRequirements(for changes: [Change], names: [Account.ID: String]) {
        guard wantsRequirements else { return }
        for change in changes {
            requirements[change.number] = SubmitChange.requirements(
                for: change, labels: labels[change.project] ?? [], rules: rules[change.project] ?? SubmitRules(),
                votes: votes[change.number] ?? [], accountNames: names
            )
        }
    }
}
