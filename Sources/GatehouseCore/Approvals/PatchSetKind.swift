/// How a new patch set differs from the one before it; decides which votes carry over.
///
/// The names and meanings are Gerrit's (`RevisionInfo.kind`), so clients that show them keep working.
package enum PatchSetKind: String, Hashable, Sendable, Codable, CaseIterable {
    /// Anything else: the code changed. Votes reset, except a veto.
    case rework = "REWORK"
    /// The same diff (same `git patch-id`) on a different parent: a rebase without conflicts.
    case trivialRebase = "TRIVIAL_REBASE"
    /// Same tree and same parents, another commit message.
    case noCodeChange = "NO_CODE_CHANGE"
    /// Same tree, same parents and same message: only metadata such as the commit date changed.
    case noChange = "NO_CHANGE"
    /// A merge commit whose first parent moved and whose tree matches the auto-merge result.
    case mergeFirstParentUpdate = "MERGE_FIRST_PARENT_UPDATE"
}
