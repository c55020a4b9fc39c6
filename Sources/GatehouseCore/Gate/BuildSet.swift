/// One queue item's speculative state: which stack it is built on, its merge commit, and its jobs.
///
/// A build set lives for one *generation*. Whenever the stack under the item changes (an item ahead fails,
/// leaves or the branch moves), the queue throws the build set away, cancels whatever still runs in it and
/// starts a new one with a fresh generation number. Everything the scheduler reports back carries that number,
/// so results about a discarded build set can be recognised and dropped.
package struct BuildSet: Hashable, Sendable {
    /// Progress of the speculative merge commit (branch tip + `base` + the item) that the jobs test.
    package enum SpeculativeMerge: Hashable, Sendable {
        /// Asked for with `GateAction.prepareMerge`; no job starts before it exists.
        case preparing
        case prepared
        /// The item does not merge onto this base; the files git names.
        case conflicted(files: [String])
    }

    /// Unique across the whole queue and never reused, so a stale event can never match a newer build set.
    package let generation: Int
    /// The items this one is tested on top of, head first: every item ahead of it that was not failing when
    /// this build set started. The nearest (`base.last`) is its parent in Zuul's NNFI tree.
    package internal(set) var base: [PatchSetID]
    /// Which branch tip the base sits on (see `GateQueue.tipEpoch`).
    package internal(set) var tipEpoch: Int
    package internal(set) var speculativeMerge: SpeculativeMerge = .preparing
    /// The job names, in the order the item lists them.
    package let jobs: [String]
    package internal(set) var jobStates: [String: JobState]
    /// The queue asked the scheduler to land this build set and awaits the outcome. Only ever the head.
    package internal(set) var isMerging = false

    init(generation: Int, base: [PatchSetID], tipEpoch: Int, jobs: [String]) {
        self.generation = generation
        self.base = base
        self.tipEpoch = tipEpoch
        self.jobs = jobs
        self.jobStates = Dictionary(uniqueKeysWithValues: jobs.map { ($0, JobState.pending) })
    }

    /// The item this one is built directly on, or `nil` when it is built on the branch tip.
    package var parent: PatchSetID? { base.last }

    /// Why this build set has failed, or `nil` while it may still pass.
    package var failure: GateFailure? {
        if case .conflicted(let files) = speculativeMerge { return .mergeConflict(files: files) }
        let failed = jobs.filter { jobStates[$0] == .failed }
        return failed.isEmpty ? nil : .jobsFailed(failed)
    }

    /// Every job passed on this exact stack: the only condition under which the stack may land.
    package var allJobsSucceeded: Bool {
        speculativeMerge == .prepared && jobs.allSatisfy { jobStates[$0] == .succeeded }
    }

    /// Whether the scheduler still has work in flight for this build set (a merge being prepared or a build
    /// running), i.e. whether discarding it needs a `cancelBuilds`.
    package var hasWorkInFlight: Bool {
        speculativeMerge == .preparing || jobStates.values.contains { $0.isRunning }
    }
}
