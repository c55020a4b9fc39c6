import Foundation
package import GatehouseCore

extension BareRepository {
    /// Builds the commit that landing `change` on `base` would produce, without touching any ref.
    ///
    /// The gate tests exactly this commit and, if its jobs pass, moves the branch to it: what lands is what was
    /// tested, whatever the strategy. `git merge-tree --write-tree` merges in the object database, with no
    /// work tree and no lock, so many speculative merges can be prepared side by side.
    /// - Parameters:
    ///   - identity: the committer of a merge or cherry-pick commit (the gate's account, at the current time).
    ///   - subject: the change's subject, for the merge commit's message.
    package func speculativeMerge(
        base: CommitID, change: CommitID, strategy: MergeStrategy, subject: String, identity: GitIdentity
    ) async throws -> SpeculativeMerge {
        if base == change { return .merged(change) }
        let fastForward = try await isAncestor(base, of: change)
        switch strategy {
        case .fastForwardOnly:
            return fastForward ? .merged(change) : .notFastForward
        case .mergeIfNecessary:
            if fastForward { return .merged(change) }
            if try await isAncestor(change, of: base) { return .merged(base) }
            let output = try await git.run(["merge-tree", "--write-tree", "--name-only", "--no-messages", base.hex, change.hex], in: path)
            guard output.exitCode == 0 else { return try Self.conflict(from: output) }
            guard let tree = output.lines.first.map(String.init) else { throw GitError.unexpectedOutput("merge-tree printed nothing") }
            let message = "Merge \"\(subject)\"\n"
            return .merged(try await commitTree(tree, parents: [base, change], message: message, identity: identity))
        case .cherryPick:
            guard let commit = try await commits([change]).first else { throw GitError.unexpectedOutput("\(change.hex) is missing") }
            if commit.parents == [base] { return .merged(change) }
            return try await cherryPick(commit, onto: base, identity: identity)
        }
    }

    /// Whether `ancestor` is reachable from `descendant` (a commit is its own ancestor).
    package func isAncestor(_ ancestor: CommitID, of descendant: CommitID) async throws -> Bool {
        let output = try await git.run(["merge-base", "--is-ancestor", ancestor.hex, descendant.hex], in: path)
        switch output.exitCode {
        case 0: return true
        case 1: return false
        default: throw GitError.commandFailed(output)
        }
    }

    private func commitTree(_ tree: String, parents: [CommitID], message: String, identity: GitIdentity) async throws -> CommitID {
        let arguments = ["commit-tree", tree] + parents.flatMap { ["-p", $0.hex] }
        let output = try await git.checked(arguments, in: path, environment: identity.environment, input: Array(message.utf8))
        guard let id = CommitID(output.text) else { throw GitError.unexpectedOutput("commit-tree printed \(output.text)") }
        return id
    }

    /// Replays the change on `base` in a scratch work tree (git 2.39's merge-tree cannot pick a merge base),
    /// keeping the change's author and message; the committer is the gate.
    private func cherryPick(_ commit: CommitObject, onto base: CommitID, identity: GitIdentity) async throws -> SpeculativeMerge {
        let scratch = "\(path)/gatehouse-scratch/\(UUID().uuidString)"
        try await git.checked(["worktree", "add", "--quiet", "--detach", scratch, base.hex], in: path)
        defer {
            try? FileManager.default.removeItem(atPath: scratch)
            Task { [git, path] in _ = try? await git.run(["worktree", "prune"], in: path) }
        }
        let committer = [
            "GIT_COMMITTER_NAME": identity.name, "GIT_COMMITTER_EMAIL": identity.email,
            "GIT_COMMITTER_DATE": "@\(identity.time.secondsSinceEpoch) +0000",
        ]
        let picked = try await git.run(
            ["cherry-pick", "--allow-empty", "--keep-redundant-commits", commit.id.hex], in: scratch, environment: committer)
        guard picked.succeeded else {
            let unmerged = try await git.run(["diff", "--name-only", "--diff-filter=U"], in: scratch)
            return .conflict(files: unmerged.lines.map(String.init))
        }
        let head = try await git.checked(["rev-parse", "HEAD"], in: scratch)
        guard let id = CommitID(head.text) else { throw GitError.unexpectedOutput("rev-parse printed \(head.text)") }
        return .merged(id)
    }

    /// merge-tree exits 1 on conflicts and prints the tree, then the conflicted paths, one per line.
    private static func conflict(from output: GitOutput) throws -> SpeculativeMerge {
        guard output.exitCode == 1 else { throw GitError.commandFailed(output) }
        var files: [String] = []
        for line in output.lines.dropFirst() where !line.isEmpty && !files.contains(String(line)) { files.append(String(line)) }
        return .conflict(files: files)
    }

    /// A fresh checkout of exactly `commit` in `directory` (which must not exist), for one build.
    ///
    /// A local clone hard-links the object database, so it is cheap, carries the speculative commit even though
    /// no ref names it, and stands on its own: the job never sees the server's repository.
    package func checkOut(_ commit: CommitID, into directory: String) async throws {
        try await git.checked(["clone", "--quiet", "--local", "--no-checkout", path, directory])
        try await git.checked(["checkout", "--quiet", "--detach", commit.hex], in: directory)
    }
}
