import Foundation
package import GatehouseCore
import GatehouseGit
package import GatehouseReview
import GatehouseStore
import Logging
import Synchronization

/// Drives the check and gate pipelines: the `GateQueue` state machines decide, this actor performs.
///
/// Durable state is the database: `pipeline_items` says what is queued (written by the review operations in
/// the same transaction as the vote or push that qualified the change), `builds` what ran on which commit.
/// Everything in memory — the queues, the speculative commits, the running builds — is rebuilt from those
/// rows on start, so after a kill -9 every item resumes (its builds rerun) and none is lost.
///
/// Actions are performed strictly in the order the queues return them, through one worklist, so an item's
/// speculative merge is always made after its parent's (it is built on the parent's commit, which is what
/// makes the landed commit contain exactly what was tested ahead of it). Reports (build results) come back
/// as events into the same worklist; a report for a generation the queue has replaced is dropped by the
/// queue itself.
package actor GateScheduler {
    let context: ReviewContext
    let options: GateOptions
    let launcher: BuildLauncher
    let logger: Logger
    var queues: [QueueKey: QueueRuntime] = [:]
    var checks: [Change.Number: CheckRun] = [:]
    /// Changes whose rows the scheduler is admitting or removing while it waits on git or the database, so a
    /// pass in between neither admits them twice nor re-admits a change whose failure is being reported.
    var inTransit: Set<Change.Number> = []
    private var pending: [(QueueKey, GateAction)] = []
    private var draining = false
    private let wake = WakeSignal()
    private let nudged = Mutex<Set<Change.Number>>([])
    /// The gate's own account (`gatehouse-ci`, in Service Users), which casts Verified and writes reports.
    var ci: CurrentUser = .anonymous

    package static let accountName = "gatehouse-ci"

    package init(context: ReviewContext, options: GateOptions) {
        self.context = context
        self.options = options
        self.logger = context.logger
        self.launcher = BuildLauncher(options: options, slots: ExecutorSlots(count: options.executorSlots), logger: context.logger)
    }

    /// Tells the scheduler a change was written; it re-reads it on its next pass, at once.
    package nonisolated func nudge(_ change: Change.Number) {
        nudged.withLock { _ = $0.insert(change) }
        wake.signal()
    }

    /// Recovers from the database, then keeps the pipelines moving until the task is cancelled.
    package func run() async throws {
        try await recover()
        while !Task.isCancelled {
            await pass()
            await wake.wait(timeout: options.pollInterval)
        }
        for runtime in queues.values {
            for runs in runtime.builds.values { for run in runs.values { run.task?.cancel() } }
        }
        for check in checks.values { check.task.cancel() }
    }

    /// Runs one pass now (tests and benchmarks use it to avoid waiting for a poll).
    package func pass() async {
        let changed = nudged.withLock { set in
            let copy = set
            set.removeAll()
            return copy
        }
        do {
            try await syncGate(changed: changed)
            try await syncCheck(changed: changed)
        } catch where Task.isCancelled {
            logger.debug("gate pass cancelled: the server is stopping")
        } catch {
            logger.error("gate pass failed: \(error)")
        }
    }

    /// After a restart: nothing runs any more, and a merge that was in flight either landed or did not.
    func recover() async throws {
        let now = context.clock()
        ci = try await Self.loadAccount(in: context)
        try await context.store.write { tx in try await tx.abortUnfinishedBuilds(now: now) }
        for item in try await context.store.read({ try await $0.pipelineItems(.gate) }) {
            guard let commit = item.mergingCommit else { continue }
            let repository = context.repository(for: item.project)
            let tip = try await repository.resolve(item.branch.refName)
            if let tip, try await repository.isAncestor(commit, of: tip) {
                logger.notice("gate: \(item.patchSet) had landed as \(commit.abbreviated) before the restart; recording the merge")
                // The tip it replaced is not recorded; its first parent is where the branch was when merged alone.
                let parent = try await repository.commits([commit]).first?.parents.first
                try await recordMerge(
                    item.patchSet, commit: commit, oldTip: parent, key: QueueKey(project: item.project, branch: item.branch), builds: [])
            } else {
                try await context.store.write { tx in try await tx.setMergingCommit(nil, change: item.patchSet.change) }
            }
        }
    }

    /// The gate's account with its groups, as review operations expect a caller.
    static func loadAccount(in context: ReviewContext) async throws -> CurrentUser {
        try await context.store.read { tx in
            guard let account = try await tx.account(username: accountName) else { throw StoreError.notFound(accountName) }
            return CurrentUser(account: account, groups: try await tx.groupNames(of: account.id))
        }
    }

    // MARK: - The worklist

    /// Performs `actions` for the queue `key`, and everything they lead to, in order.
    func perform(_ actions: [GateAction], in key: QueueKey) async {
        pending += actions.map { (key, $0) }
        guard !draining else { return }
        draining = true
        defer { draining = false }
        while !pending.isEmpty {
            let (key, action) = pending.removeFirst()
            logger.debug("gate \(key): \(action)")
            do {
                let more = try await performOne(action, in: key)
                pending += more.map { (key, $0) }
            } catch {
                logger.error("gate \(key): \(action) failed: \(error)")
            }
        }
        for key in queues.keys { queues[key]?.prune() }
    }

    private func performOne(_ action: GateAction, in key: QueueKey) async throws -> [GateAction] {
        switch action {
        case .prepareMerge(let item, let on, let generation):
            return try await prepareMerge(item, on: on, generation: generation, in: key)
        case .startJob(let item, let job, let generation, let attempt):
            return try await startJob(item, job: job, generation: generation, attempt: attempt, in: key)
        case .cancelBuilds(_, let generation):
            for run in queues[key]?.builds[generation]?.values ?? [:].values { run.task?.cancel() }
            return []
        case .merge(let item, let generation):
            return try await merge(item, generation: generation, in: key)
        case .reportFailure(let item, let failure):
            try await reportFailure(item, failure: failure, in: key)
            return []
        case .dequeued(let item, let reason):
            try await reportDequeue(item, reason: reason, in: key)
            return []
        }
    }

    /// Whether `generation` is still the item's current build set.
    func isCurrent(_ item: PatchSetID, _ generation: Int, in key: QueueKey) -> Bool {
        queues[key]?.queue.item(item)?.generation == generation
    }
}
