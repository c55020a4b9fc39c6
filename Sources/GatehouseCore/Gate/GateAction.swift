/// Something the gate queue asks its scheduler to do, in the order returned.
///
/// The queue decides; the scheduler performs (git, executor, database, messages) and reports back through the
/// queue's event methods, quoting the generation it was given. Performing an action for a generation the queue
/// has since replaced is harmless: the report is ignored, and the replacement came with its own `cancelBuilds`.
package enum GateAction: Hashable, Sendable {
    /// Build the speculative merge commit: the branch tip, then each of `on` (head first), then `item`.
    /// Report `mergePrepared` or `mergeConflicted`. Each of `on` was already asked for, earlier, with its own
    /// shorter stack, so building on the last one's prepared commit would give the same tree. `on` is the base
    /// when the action was issued; an `itemMerged` in between removes the landed head from the build set's base
    /// (the tip now holds it) without a new generation, so a scheduler performing the action late builds on
    /// the item's current base.
    case prepareMerge(item: PatchSetID, on: [PatchSetID], generation: Int)
    /// Run one job on the prepared commit of that generation; report `buildCompleted`.
    case startJob(item: PatchSetID, job: String, generation: Int, attempt: Int)
    /// Stop everything still in flight for that generation (merge preparation and builds). Their reports, if
    /// any arrive, are ignored.
    case cancelBuilds(item: PatchSetID, generation: Int)
    /// Land the head: compare-and-swap the branch from the tip this generation was built on to the very commit
    /// its jobs tested; report `itemMerged` or `mergeRejected`. Issued only for the head, only when every job of
    /// that generation passed, and never while another merge is outstanding.
    case merge(item: PatchSetID, generation: Int)
    /// The item failed with nothing untested ahead of it, so the failure is its own: it has been removed.
    /// Tell the change why.
    case reportFailure(item: PatchSetID, failure: GateFailure)
    /// The item has been removed for a reason outside the gate. Tell the change why.
    case dequeued(item: PatchSetID, reason: DequeueReason)
}
