import GatehouseCore
import Testing

/// One finished or cancelled build in Zuul's compact notation: job, result, and the speculative stack it
/// tested (`"1,1 2,1"`, the item last).
struct BuildRecord: Hashable, CustomStringConvertible {
    let job: String
    let result: BuildResult
    let changes: String

    var description: String { "(\(job), \(result), \(changes))" }
}

/// `runs(("unit", .success, "1,1"), ("unit", .aborted, "1,1 2,1"))`: a history written the way Zuul's tests
/// write theirs.
func runs(_ entries: (String, BuildResult, String)...) -> [BuildRecord] {
    entries.map { BuildRecord(job: $0.0, result: $0.1, changes: $0.2) }
}

/// `"2,1"` → a patch set ID, for readable tests.
func ps(_ text: String) -> PatchSetID { PatchSetID(parsing: text)! }

/// A `GateQueue` driven the way the scheduler will drive it, with the outside world reduced to a list.
///
/// Merge commits are prepared at once (failing where `conflicts` says so) and merges land at once, by a
/// compare-and-swap on a modelled branch; builds are held until the test completes them, like Zuul's
/// `hold_jobs_in_build`. Every build that ends or is cancelled lands in `history`. After every event the
/// simulation checks the invariants the gate exists for: it never lands a stack it did not test (the branch at
/// landing must equal the branch + items the generation was prepared on), never lands twice or anything but
/// the head, never lands before every job of that generation passed, and never loses an item.
struct GateSimulation {
    private struct Key: Hashable {
        let item: PatchSetID
        let generation: Int
    }

    private struct Build {
        let key: Key
        let job: String
        let attempt: Int
        let changes: String
    }

    private(set) var queue: GateQueue
    private(set) var history: [BuildRecord] = []
    /// What landed, in order; `"external"` marks a commit pushed outside the gate.
    private(set) var branch: [String] = []
    private(set) var merged: [PatchSetID] = []
    private(set) var reported: [PatchSetID] = []
    private(set) var failures: [PatchSetID: GateFailure] = [:]
    private(set) var dequeued: [PatchSetID] = []
    /// Every action the queue returned, in order.
    private(set) var actions: [GateAction] = []
    /// The merge conflicts to simulate: given the item and the stack under it, the conflicting files or `nil`.
    var conflicts: (PatchSetID, [PatchSetID]) -> [String]? = { _, _ in nil }
    /// When set, `.merge` waits for `finishMerge()` instead of landing at once.
    var holdMerges = false
    private(set) var mergeInFlight: (item: PatchSetID, generation: Int)?

    private var enqueued: [PatchSetID] = []
    private var running: [Build] = []
    private var cancelled: Set<Key> = []
    private var tested: [Key: [String]] = [:]
    private var stacks: [Key: String] = [:]
    private var passed: [Key: Set<String>] = [:]

    init(window: GateWindow = GateWindow(), retries: Int = 0) {
        queue = GateQueue(window: window, retries: retries)
    }

    /// The stacks of the builds now running, in the order they started: `["1,1", "1,1 2,1"]`.
    var runningStacks: [String] { running.map(\.changes) }

    /// The builds now running, in the order they started.
    var runningJobs: [(item: String, job: String)] { running.map { ($0.key.item.description, $0.job) } }

    // MARK: Events from the outside world

    mutating func enqueue(_ items: String..., jobs: [String] = ["unit"]) {
        for item in items {
            enqueued.append(ps(item))
            apply(queue.itemEnqueued(ps(item), jobs: jobs))
        }
    }

    mutating func dequeue(_ item: String, reason: DequeueReason = .abandoned) {
        apply(queue.itemDequeued(ps(item), reason: reason))
    }

    /// Ends the running build of `job` for `item` with `result`.
    mutating func complete(_ job: String, of item: String, _ result: BuildResult) {
        guard let build = running.first(where: { $0.key.item == ps(item) && $0.job == job }) else {
            Issue.record("no running build of \(job) for \(item); running: \(runningStacks)")
            return
        }
        finish(build, result)
    }

    /// Ends every build running now (not those it starts) with `result`, in the order they started.
    mutating func completeAll(_ result: BuildResult = .success) {
        for build in running where running.contains(where: { $0.key == build.key && $0.job == build.job }) {
            finish(build, result)
        }
    }

    /// Completes every running build with success, round after round, until nothing runs.
    mutating func runToCompletion() {
        var rounds = 0
        while !running.isEmpty, rounds < 100 {
            completeAll()
            rounds += 1
        }
    }

    /// Someone pushes to the branch behind the gate's back; `notify` says whether the scheduler noticed.
    mutating func moveBranchOutsideGate(notify: Bool) {
        branch.append("external")
        if notify { apply(queue.branchMoved()) }
    }

    /// Lands or rejects (by compare-and-swap) the merge held by `holdMerges`.
    mutating func finishMerge() {
        guard let (item, generation) = mergeInFlight else {
            Issue.record("no merge in flight")
            return
        }
        mergeInFlight = nil
        apply(land(Key(item: item, generation: generation)))
    }

    // MARK: Performing actions

    private mutating func finish(_ build: Build, _ result: BuildResult) {
        running.removeAll { $0.key == build.key && $0.job == build.job }
        history.append(BuildRecord(job: build.job, result: result, changes: build.changes))
        if result == .success { passed[build.key, default: []].insert(build.job) }
        apply(queue.buildCompleted(build.key.item, generation: build.key.generation, job: build.job, result: result))
    }

    private mutating func apply(_ newActions: [GateAction]) {
        checkInvariants()
        var pending = newActions
        var performed = 0
        while !pending.isEmpty {
            performed += 1
            guard performed < 10_000 else {
                Issue.record("the queue does not settle: \(actions.suffix(6))")
                return
            }
            let action = pending.removeFirst()
            actions.append(action)
            pending += perform(action)
            checkInvariants()
        }
        checkNothingLost()
    }

    private mutating func perform(_ action: GateAction) -> [GateAction] {
        switch action {
        case .prepareMerge(let item, let on, let generation):
            let key = Key(item: item, generation: generation)
            guard !cancelled.contains(key) else { return [] }
            tested[key] = branch + on.map(\.description)
            stacks[key] = (on + [item]).map(\.description).joined(separator: " ")
            if let files = conflicts(item, on) {
                return queue.mergeConflicted(item, generation: generation, files: files)
            }
            return queue.mergePrepared(item, generation: generation)
        case .startJob(let item, let job, let generation, let attempt):
            let key = Key(item: item, generation: generation)
            guard !cancelled.contains(key) else { return [] }
            #expect((1...queue.retries + 1).contains(attempt), "attempt \(attempt) of \(job) for \(item)")
            running.append(Build(key: key, job: job, attempt: attempt, changes: stacks[key] ?? "?"))
        case .cancelBuilds(let item, let generation):
            let key = Key(item: item, generation: generation)
            cancelled.insert(key)
            for build in running where build.key == key {
                history.append(BuildRecord(job: build.job, result: .aborted, changes: build.changes))
            }
            running.removeAll { $0.key == key }
        case .merge(let item, let generation):
            let key = Key(item: item, generation: generation)
            #expect(mergeInFlight == nil, "a second merge while one is outstanding")
            #expect(queue.items.first?.patchSet == item, "merge of \(item), which is not the head")
            let jobs = queue.item(item)?.jobs ?? []
            #expect(!jobs.isEmpty && Set(jobs).isSubset(of: passed[key] ?? []), "merge of \(item) before all passed")
            if holdMerges { mergeInFlight = (item, generation) } else { return land(key) }
        case .reportFailure(let item, let failure):
            reported.append(item)
            failures[item] = failure
        case .dequeued(let item, _):
            dequeued.append(item)
        }
        return []
    }

    /// The compare-and-swap: lands only if the branch is exactly what this generation was prepared on.
    private mutating func land(_ key: Key) -> [GateAction] {
        let expected = tested[key] ?? []
        guard branch == expected else {
            #expect(branch.contains("external"), "\(key.item) was tested on \(expected), branch is \(branch)")
            return queue.mergeRejected(key.item)
        }
        #expect(!merged.contains(key.item), "\(key.item) merged twice")
        branch.append(key.item.description)
        merged.append(key.item)
        return queue.itemMerged(key.item)
    }

    /// What must hold after every event, whatever happened.
    private func checkInvariants() {
        let items = queue.items
        #expect(Set(items.map(\.patchSet.change)).count == items.count, "a change queued twice")
        #expect(items.dropFirst().allSatisfy { $0.buildSet?.isMerging != true }, "a merge that is not the head")
        var nonFailingAhead: [PatchSetID] = []
        for (position, item) in items.enumerated() {
            if let buildSet = item.buildSet, !buildSet.isMerging {
                #expect(buildSet.base == nonFailingAhead && buildSet.tipEpoch == queue.tipEpoch,
                    "\(item.patchSet) built on \(buildSet.base), its non-failing items ahead are \(nonFailingAhead)")
            }
            #expect(item.buildSet != nil || !queue.window.admits(position: position), "\(item.patchSet) idle")
            if !item.isFailing { nonFailingAhead.append(item.patchSet) }
        }
    }

    /// Once every action of an event has been performed, each item ever enqueued is queued or accounted for.
    private func checkNothingLost() {
        let done = merged + reported + dequeued
        #expect(Set(done).count == done.count, "an item left the queue twice: \(done)")
        for item in enqueued where !queue.items.contains(where: { $0.patchSet == item }) {
            #expect(done.contains(item), "\(item) was lost")
        }
        for item in queue.items {
            #expect(!done.contains(item.patchSet), "\(item.patchSet) left the queue and is still in it")
        }
    }
}
