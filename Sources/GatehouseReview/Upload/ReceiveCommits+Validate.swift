import GatehouseCore
import GatehouseGit
import GatehouseStore

/// A commit that passed every check and will become a change or a patch set.
struct ValidUpload: Sendable {
    let commit: CommitObject
    let key: ChangeKey
    let subject: String
}

extension ReceiveCommits {
    /// Checks one `refs/for` command without writing anything: the branch exists, there is something new, and
    /// every new commit has valid UTF-8, a subject and exactly one Change-Id.
    func validate(
        command: ReceiveCommand, target: ReviewPushTarget, tip: CommitID?, repository: BareRepository, quarantine: ObjectQuarantine,
        report: inout ReceivePackReport
    ) async throws -> [ValidUpload] {
        let branch = target.branch
        if tip == nil && branch != project.headBranch {
            throw UploadRejection("branch \(branch.rawValue) not found")
        }
        let commits = try await newCommits(command.new, tip: tip, repository: repository, quarantine: quarantine)
        var uploads: [ValidUpload] = []
        var seenKeys: Set<ChangeKey> = []
        for commit in commits {
            let short = commit.id.abbreviated
            if let encoding = commit.encoding, !["utf-8", "utf8"].contains(encoding.lowercased()) {
                throw UploadRejection("commit \(short): message encoding \(encoding) is not supported; use UTF-8")
            }
            guard let message = commit.message else {
                throw UploadRejection("commit \(short): commit message is not valid UTF-8")
            }
            guard !commit.subject.isEmpty else { throw UploadRejection("commit \(short): missing subject") }
            switch ChangeKeyFooter.parse(message) {
            case .success(let key):
                guard seenKeys.insert(key).inserted else {
                    throw UploadRejection(
                        "same Change-Id in multiple changes. Squash the commits with the same Change-Id or ensure Change-Ids are unique for each commit"
                    )
                }
                uploads.append(ValidUpload(commit: commit, key: key, subject: commit.subject))
            case .failure(let error):
                report.messages += ["ERROR: commit \(short): \(error)"]
                if error == .missing { report.messages += hookHint }
                throw UploadRejection("commit \(short): \(error)")
            }
        }
        return uploads
    }

    /// The commits the push adds for review, parents first: reachable from `new` but neither from the branch
    /// nor from any patch set.
    ///
    /// Most pushes carry one commit on top of the branch tip; that case is answered from the commit itself,
    /// which saves a `git rev-list` on the push path. Everything else (chains, stacks on other changes,
    /// rebased histories) walks the graph.
    private func newCommits(_ new: CommitID, tip: CommitID?, repository: BareRepository, quarantine: ObjectQuarantine) async throws -> [CommitObject] {
        let pushed: CommitObject
        do {
            guard let commit = try await repository.commits([new], environment: quarantine.environment).first else {
                throw UploadRejection("\(new.abbreviated) is not a commit")
            }
            pushed = commit
        } catch is GitError {
            throw UploadRejection("\(new.abbreviated) is not a commit")
        }
        if let tip, pushed.parents == [tip] {
            let known = try await context.store.read { [project] in try await $0.isPatchSet(commit: new, project: project.name) }
            guard !known else { throw UploadRejection("no new changes") }
            return [pushed]
        }
        let ids = try await repository.newCommits(
            tip: new, excluding: tip.map { [$0.hex] } ?? [], excludingGlobs: ["refs/changes/*"],
            limit: Self.maxCommitsPerPush, environment: quarantine.environment
        )
        guard !ids.isEmpty else { throw UploadRejection("no new changes") }
        guard ids.count <= Self.maxCommitsPerPush else {
            throw UploadRejection("too many commits (more than \(Self.maxCommitsPerPush)) in one push; push fewer at a time")
        }
        return try await repository.commits(ids, environment: quarantine.environment)
    }

    /// How to fix a missing Change-Id: install our hook and amend.
    private var hookHint: [String] {
        [
            "",
            "Hint: to automatically insert a Change-Id, install the hook:",
            "  f=\"$(git rev-parse --git-dir)/hooks/commit-msg\"; curl -o \"$f\" \(context.origin)/tools/hooks/commit-msg ; chmod +x \"$f\"",
            "and then amend the commit:",
            "  git commit --amend --no-edit",
            "Finally, push your changes again",
            "",
        ]
    }
}
