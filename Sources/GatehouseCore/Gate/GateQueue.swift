/// The gate queue of one project branch: approved changes in approval order, each tested on top of everything
/// ahead of it, landed one at a time from the head. A pure state machine — no clock, no git, no executor.
///
/// ## Speculation
/// The gate bets that every item will pass. Item *k* is therefore tested on a speculative merge of the branch
/// tip, the items ahead of it, and itself, and every item inside the window builds at the same time. When the
/// bet holds, the head lands and the next item already has a result for exactly the tree the branch now has
/// plus itself, so *n* changes land in the time of one build instead of *n*.
///
/// ## Nearest non-failing item (NNFI)
/// When the bet fails for one item (a job fails on its last attempt, or the item does not merge), the queue
/// does not eject it: it was tested together with the items ahead, and one of them may be the culprit. The
/// queue only stops betting on it. One rule, applied to every item head first after every event, does the
/// rest:
///
/// > An item must be built on exactly the items ahead of it that are not failing, on the current branch tip.
/// > If it is not, its builds are cancelled and it is rebuilt under a new generation, its failure forgotten.
///
/// So the items behind a failing item move onto the nearest non-failing item ahead of it (or the tip) and
/// restart, while the failing item keeps its place: the queue becomes a tree in which the failing item and
/// the items that were behind it are siblings. If an item ahead of the failing one then fails too, the
/// failing item's own base has changed, so it is rebuilt without the new culprit and may well pass: an item
/// is only ever blamed for a failure on a stack that turned out to be what lands.
///
/// ## Reporting at the head
/// An item is judged only at the head, where nothing it was built on is still unmerged: its stack is then the
/// branch tip plus itself, so a failure is its own. It is reported (`reportFailure`) and removed. A passing head
/// is landed (`merge`), and the next item becomes the head *without* a rebuild, because what it was tested on is
/// exactly what just landed. The queue never lands an item that is not the head, never lands a build set
/// whose jobs did not all pass, and keeps at most one merge outstanding; while it is, the head is frozen.
///
/// ## Window
/// Only the first `window.size` items build; the rest wait with no build set and start, in order, when the
/// window grows or items ahead leave. The window grows on every merge and shrinks when a build failure is
/// reported at the head (see `GateWindow`). A shrinking window cancels nothing: builds already running beyond
/// it may still be useful, and they are restarted (or left waiting) only if their base changes.
///
/// ## Generations, retries, and what the scheduler sees
/// Each build set has a generation number from a counter that only grows, carried by every action and every
/// report. A report quoting another generation concerns a discarded build set and is ignored, so the scheduler
/// may deliver results late, twice, or after a cancel. A failed or timed-out build is retried `retries` times
/// (same generation, next attempt; no other job restarts) before the item counts as failing. Once it does, the
/// item's other running jobs are cancelled: their verdicts could not change its fate, and the slots are worth
/// more to the items that just restarted behind it.
package struct GateQueue: Hashable, Sendable {
    /// Head first. At most one item per change.
    package internal(set) var items: [QueueItem] = []
    package internal(set) var window: GateWindow
    /// How many times a failed or timed-out build is rerun before the item counts as failing.
    package let retries: Int
    /// The last generation handed out; the next build set gets the next number.
    package internal(set) var lastGeneration = 0
    /// Counts the moves of the branch tip (each merge, each move outside the gate). A build set remembers the
    /// epoch it was built on, so a build set built on an older tip is recognised and rebuilt.
    package internal(set) var tipEpoch = 0

    package init(window: GateWindow = GateWindow(), retries: Int = 1) {
        precondition(retries >= 0, "retries counts extra attempts")
        self.window = window
        self.retries = retries
    }

    /// The queued item for this patch set, if any.
    package func item(_ patchSet: PatchSetID) -> QueueItem? {
        items.first { $0.patchSet == patchSet }
    }

    func index(of patchSet: PatchSetID) -> Int? {
        items.firstIndex { $0.patchSet == patchSet }
    }

    /// A change met its submit requirements: append it to the queue (and start it if it is inside the window).
    ///
    /// The queue holds one patch set per change, so a change can never land twice: enqueueing a change that is
    /// already queued (in any patch set) does nothing — replacing a patch set is announced by `itemDequeued`
    /// with `.newPatchSet` first. A change with no gate jobs is refused with `.dequeued(…, .noJobs)` rather
    /// than landed untested.
    /// - Parameters:
    ///   - patchSet: the approved patch set.
    ///   - jobs: the gate jobs it must pass; duplicates are ignored.
    package mutating func itemEnqueued(_ patchSet: PatchSetID, jobs: [String]) -> [GateAction] {
        guard !items.contains(where: { $0.patchSet.change == patchSet.change }) else { return [] }
        var unique: [String] = []
        for job in jobs where !unique.contains(job) { unique.append(job) }
        guard !unique.isEmpty else { return [.dequeued(item: patchSet, reason: .noJobs)] }
        items.append(QueueItem(patchSet: patchSet, jobs: unique))
        return reconcile()
    }

    /// The change left the gate for a reason outside it (new patch set, abandon, lost approval): remove it,
    /// cancel its builds and rebuild the items that were built on it.
    ///
    /// If the item is the head with its merge in flight, the merge may already have landed; the dequeue is
    /// then deferred until `itemMerged` (the merge won the race) or `mergeRejected` (the item is removed then).
    package mutating func itemDequeued(_ patchSet: PatchSetID, reason: DequeueReason) -> [GateAction] {
        guard let index = index(of: patchSet) else { return [] }
        if let buildSet = items[index].buildSet, buildSet.isMerging {
            items[index].deferredDequeue = reason
            return []
        }
        var actions: [GateAction] = []
        if let buildSet = items[index].buildSet, buildSet.hasWorkInFlight {
            actions.append(.cancelBuilds(item: patchSet, generation: buildSet.generation))
        }
        items.remove(at: index)
        actions.append(.dequeued(item: patchSet, reason: reason))
        return actions + reconcile()
    }

    /// The branch moved outside the gate (seen in a ref update): every build set is on a stale tip, so all
    /// items are rebuilt on the new one.
    ///
    /// Ignored while a merge is outstanding: its compare-and-swap will fail on the moved branch and
    /// `mergeRejected` restarts everything then; restarting the head now could land it twice if the move the
    /// scheduler saw was in fact that merge.
    package mutating func branchMoved() -> [GateAction] {
        guard items.first?.buildSet?.isMerging != true else { return [] }
        tipEpoch += 1
        return reconcile()
    }
}
