/// Bringing the queue back to its rules after an event: blame failing heads, rebuild every item whose base is
/// no longer its non-failing items ahead, start what the window admits, land a passing head.
extension GateQueue {
    /// Applies the rules described on `GateQueue` and returns what the scheduler must do. Every event method
    /// ends here, so after every event the queue is in its normal form.
    mutating func reconcile() -> [GateAction] {
        var actions: [GateAction] = []
        reportFailingHeads(into: &actions)
        rebuildStaleItems(into: &actions)
        mergeHeadIfPassed(into: &actions)
        return actions
    }

    /// A failing head whose build set sits on the current tip with nothing under it failed on its own: report
    /// and remove it, then look at the new head the same way.
    private mutating func reportFailingHeads(into actions: inout [GateAction]) {
        while let head = items.first, let buildSet = head.buildSet, let failure = buildSet.failure,
            buildSet.base.isEmpty, buildSet.tipEpoch == tipEpoch
        {
            if buildSet.hasWorkInFlight {
                actions.append(.cancelBuilds(item: head.patchSet, generation: buildSet.generation))
            }
            actions.append(.reportFailure(item: head.patchSet, failure: failure))
            items.removeFirst()
            if failure.shrinksWindow { window.itemFailed() }
        }
    }

    /// The NNFI walk: head first, carrying the non-failing items seen so far, which is exactly the base each
    /// item must be built on. An item with another base (or an older tip) is rebuilt, or left waiting if the
    /// window does not admit it; a rebuilt item has no failure yet, so it counts as non-failing for those behind.
    private mutating func rebuildStaleItems(into actions: inout [GateAction]) {
        var nonFailingAhead: [PatchSetID] = []
        for index in items.indices {
            let item = items[index]
            if let buildSet = item.buildSet,
                buildSet.isMerging || (buildSet.tipEpoch == tipEpoch && buildSet.base == nonFailingAhead)
            {
                // Built on the right stack already (a merging head is frozen until its outcome is known).
            } else if item.buildSet != nil || window.admits(position: index) {
                if let stale = item.buildSet, stale.hasWorkInFlight {
                    actions.append(.cancelBuilds(item: item.patchSet, generation: stale.generation))
                }
                items[index].buildSet = nil
                if window.admits(position: index) {
                    lastGeneration += 1
                    items[index].buildSet = BuildSet(
                        generation: lastGeneration, base: nonFailingAhead, tipEpoch: tipEpoch, jobs: item.jobs)
                    actions.append(.prepareMerge(item: item.patchSet, on: nonFailingAhead, generation: lastGeneration))
                }
            }
            if !items[index].isFailing { nonFailingAhead.append(item.patchSet) }
        }
    }

    /// Lands the head when every job of its current build set passed on the current tip with nothing under it.
    private mutating func mergeHeadIfPassed(into actions: inout [GateAction]) {
        guard let buildSet = items.first?.buildSet, !buildSet.isMerging, buildSet.allJobsSucceeded,
            buildSet.base.isEmpty, buildSet.tipEpoch == tipEpoch
        else { return }
        items[0].buildSet!.isMerging = true
        actions.append(.merge(item: items[0].patchSet, generation: buildSet.generation))
    }
}
