package import GatehouseCore

extension BareRepository {
    /// How `current` differs from `previous`, two patch sets of one change; decides which votes carry over.
    ///
    /// Follows Gerrit's order of checks:
    /// - same tree and parents: ``PatchSetKind/noChange`` when the messages match, else
    ///   ``PatchSetKind/noCodeChange``;
    /// - a different message with a different tree or parents: ``PatchSetKind/rework`` (Gerrit does not call
    ///   an edited message on a rebase trivial);
    /// - one parent each, the parents differ, and `git patch-id --stable` of both diffs against their parents
    ///   match: ``PatchSetKind/trivialRebase``;
    /// - anything else, including every merge and root commit: ``PatchSetKind/rework``.
    ///
    /// ``PatchSetKind/mergeFirstParentUpdate`` is never returned: it needs an auto-merge to compare against,
    /// and calling such an update rework only costs a re-vote. A message that is not UTF-8 (nil) never
    /// counts as equal, because equality cannot be shown.
    package func patchSetKind(previous: CommitObject, current: CommitObject) async throws -> PatchSetKind {
        let sameMessage = previous.message != nil && previous.message == current.message
        if previous.tree == current.tree, previous.parents == current.parents {
            return sameMessage ? .noChange : .noCodeChange
        }
        guard sameMessage, previous.parents.count == 1, current.parents.count == 1, previous.parents != current.parents else {
            return .rework
        }
        async let previousID = patchID(of: previous.id)
        async let currentID = patchID(of: current.id)
        return try await previousID == currentID ? .trivialRebase : .rework
    }

    /// `git patch-id --stable` of the commit's diff against its first parent; nil for an empty diff.
    ///
    /// Two processes joined in memory, no shell. `--full-index` makes binary changes (hashed by their object
    /// names) compare exactly; the diff is bounded by the runner's output limit.
    private func patchID(of commit: CommitID) async throws -> String? {
        let diff = try await git.checked(DiffLimits.gitOptions + ["diff-tree", "-p", "--full-index", "--no-color", commit.hex], in: path)
        let output = try await git.checked(["patch-id", "--stable"], in: path, input: diff.stdout)
        return output.text.split(separator: " ").first.map(String.init)
    }
}
