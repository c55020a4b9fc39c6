/// The outcome of landing the head.
extension GateQueue {
    /// The branch now points at the commit the head tested: the head leaves the queue and the window grows.
    ///
    /// Every build set that was built on the head keeps running untouched — the head is now part of the tip it
    /// sits on — so the next item becomes the head with the results it already has.
    package mutating func itemMerged(_ patchSet: PatchSetID) -> [GateAction] {
        guard let head = items.first, head.patchSet == patchSet, head.buildSet?.isMerging == true else { return [] }
        items.removeFirst()
        window.itemMerged()
        let previousEpoch = tipEpoch
        tipEpoch += 1
        for index in items.indices {
            guard var buildSet = items[index].buildSet, buildSet.tipEpoch == previousEpoch,
                buildSet.base.first == patchSet
            else { continue }
            buildSet.base.removeFirst()
            buildSet.tipEpoch = tipEpoch
            items[index].buildSet = buildSet
        }
        return reconcile()
    }

    /// The compare-and-swap failed: the branch is not where the head's build set assumed, so it moved outside
    /// the gate. What the head tested is not what would land; every item is rebuilt on the new tip.
    ///
    /// A dequeue that arrived during the merge takes effect now.
    package mutating func mergeRejected(_ patchSet: PatchSetID) -> [GateAction] {
        guard let head = items.first, head.patchSet == patchSet, head.buildSet?.isMerging == true else { return [] }
        var actions: [GateAction] = []
        if let reason = head.deferredDequeue {
            items.removeFirst()
            actions.append(.dequeued(item: patchSet, reason: reason))
        } else {
            items[0].buildSet!.isMerging = false
        }
        tipEpoch += 1
        return actions + reconcile()
    }
}
