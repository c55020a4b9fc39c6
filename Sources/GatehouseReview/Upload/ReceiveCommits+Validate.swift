import GatehouseCore
import GatehouseGit

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
        command: ReceiveCommand, target: ReviewPushTarget, repository: BareRepository, quarantine: ObjectQuarantine,
        report: inout ReceivePackReport
    ) async throws -> [ValidUpload] {
        let branch = target.branch
        let resolved = try await repository.resolveCommits([branch.refName, command.new.hex], environment: quarantine.environment)
        let tip = resolved[0]
        if tip == nil && branch != project.headBranch {
            throw UploadRejection("branch \(branch.rawValue) not found")
        }
        guard resolved[1] == command.new else { throw UploadRejection("\(command.new.abbreviated) is not a commit") }
        let ids = try await repository.newCommits(
            tip: command.new, excluding: tip.map { [$0.hex] } ?? [], excludingGlobs: ["refs/changes/*"],
            limit: Self.maxCommitsPerPush, environment: quarantine.environment
        )
        guard !ids.isEmpty else { throw UploadRejection("no new changes") }
        guard ids.count <= Self.maxCommitsPerPush else {
            throw UploadRejection("too many commits (more than \(Self.maxCommitsPerPush)) in one push; push fewer at a time")
        }
        let commits = try await repository.commits(ids, environment: quarantine.environment)
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
