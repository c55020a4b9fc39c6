/// Reports about one build set's merge commit and jobs.
///
/// Each report quotes the generation it belongs to; a report about a generation the queue has replaced, or
/// about an item no longer queued, is ignored and returns no action.
extension GateQueue {
    /// The scheduler built the speculative merge commit for this generation: start every job on it.
    package mutating func mergePrepared(_ patchSet: PatchSetID, generation: Int) -> [GateAction] {
        guard let index = index(of: patchSet, generation: generation),
            items[index].buildSet?.speculativeMerge == .preparing
        else { return [] }
        var buildSet = items[index].buildSet!
        buildSet.speculativeMerge = .prepared
        var actions: [GateAction] = []
        for job in buildSet.jobs {
            buildSet.jobStates[job] = .running(attempt: 1)
            actions.append(.startJob(item: patchSet, job: job, generation: generation, attempt: 1))
        }
        items[index].buildSet = buildSet
        return actions + reconcile()
    }

    /// The item does not merge onto its speculative base: it fails at once, without running a job.
    ///
    /// Like any failure it is only blamed at the head. Its base holds no failing item (the queue rebuilds an
    /// item as soon as something under it fails), but an item under it may still fail later, and then this
    /// item is rebuilt without it — the conflict may have been with that item.
    /// - Parameter files: the conflicting paths, for the message on the change.
    package mutating func mergeConflicted(_ patchSet: PatchSetID, generation: Int, files: [String]) -> [GateAction] {
        guard let index = index(of: patchSet, generation: generation),
            items[index].buildSet?.speculativeMerge == .preparing
        else { return [] }
        items[index].buildSet!.speculativeMerge = .conflicted(files: files)
        return reconcile()
    }

    /// One build finished.
    ///
    /// - `success`: the job passed; if it was the head's last job, the head is landed.
    /// - `failure`/`timedOut`: rerun as the next attempt while retries remain; otherwise the item is failing,
    ///   its other running jobs are cancelled, and the items behind it move onto its nearest non-failing item.
    /// - `aborted` for the current generation: the executor lost a build the queue did not cancel (a restart,
    ///   a lost node). It never judged the change, so the same attempt is run again.
    package mutating func buildCompleted(
        _ patchSet: PatchSetID, generation: Int, job: String, result: BuildResult
    ) -> [GateAction] {
        guard let index = index(of: patchSet, generation: generation),
            case .running(let attempt) = items[index].buildSet?.jobStates[job]
        else { return [] }
        var buildSet = items[index].buildSet!
        var actions: [GateAction] = []
        switch result {
        case .success:
            buildSet.jobStates[job] = .succeeded
        case .aborted:
            actions.append(.startJob(item: patchSet, job: job, generation: generation, attempt: attempt))
        case .failure, .timedOut:
            if attempt <= retries {
                buildSet.jobStates[job] = .running(attempt: attempt + 1)
                actions.append(.startJob(item: patchSet, job: job, generation: generation, attempt: attempt + 1))
            } else {
                buildSet.jobStates[job] = .failed
                let stillRunning = buildSet.jobs.filter { buildSet.jobStates[$0]?.isRunning == true }
                for other in stillRunning { buildSet.jobStates[other] = .cancelled }
                if !stillRunning.isEmpty { actions.append(.cancelBuilds(item: patchSet, generation: generation)) }
            }
        }
        items[index].buildSet = buildSet
        return actions + reconcile()
    }

    /// The index of the item whose current build set has this generation.
    func index(of patchSet: PatchSetID, generation: Int) -> Int? {
        guard let index = index(of: patchSet), items[index].buildSet?.generation == generation else { return nil }
        return index
    }
}
