/// How the gate turns a change into the commit it tests and lands, per project (Gerrit's submit types).
///
/// Whatever the strategy, the gate lands the very commit its jobs tested: the strategy only decides how that
/// commit is made from the branch tip (plus the items ahead) and the change.
package enum MergeStrategy: String, Hashable, Sendable, CaseIterable {
    /// The change itself when it already sits on the tip; otherwise a merge commit of the tip and the change.
    case mergeIfNecessary = "MERGE_IF_NECESSARY"
    /// Only the change itself, and only when the tip is one of its ancestors; anything else fails the item.
    case fastForwardOnly = "FAST_FORWARD_ONLY"
    /// The change's diff replayed on the tip as a new commit with one parent (a rebase, commit by commit).
    case cherryPick = "CHERRY_PICK"
}
