import GatehouseCore
import GatehouseExecutor

/// What the scheduler keeps beside one `GateQueue`: the real commits and builds behind its generations.
///
/// The queue decides in terms of patch sets and generations; this is the mapping to git and the executor.
/// None of it needs to survive a restart: after one, every item is rebuilt from its `pipeline_items` row.
struct QueueRuntime {
    var queue: GateQueue
    /// The branch tip the queue's current epoch is built on; nil while the branch is unborn.
    var tip: CommitID?
    /// The speculative commit of each generation, once made.
    var prepared: [Int: CommitID] = [:]
    /// Builds per generation and job, the latest attempt last; running ones carry their task.
    var builds: [Int: [String: BuildRun]] = [:]
    /// Why an item's last merge failed, in words (conflicting files, not a fast-forward).
    var conflictNotes: [PatchSetID: String] = [:]
    /// Jobs definitions by tested commit (each read once).
    var configurations: [CommitID: Result<JobConfiguration, JobConfigurationError>] = [:]
    /// Facts about each queued patch set, read when it was enqueued.
    var details: [PatchSetID: ItemDetails] = [:]

    struct ItemDetails {
        let commit: CommitID
        let subject: String
        let enqueuedAt: Timestamp
    }

    /// Forgets everything about generations no item uses any more.
    mutating func prune() {
        let live = Set(queue.items.compactMap(\.generation))
        prepared = prepared.filter { live.contains($0.key) }
        builds = builds.filter { live.contains($0.key) || $0.value.values.contains { $0.task != nil } }
        let queued = Set(queue.items.map(\.patchSet))
        details = details.filter { queued.contains($0.key) }
        conflictNotes = conflictNotes.filter { queued.contains($0.key) }
        if configurations.count > 256 { configurations.removeAll() }
    }
}

/// One build of one job, as the scheduler tracks it.
struct BuildRun {
    let patchSet: PatchSetID
    let buildID: Int
    let attempt: Int
    let startedAt: ContinuousClock.Instant
    var task: Task<Void, Never>?
    var result: Build.Result?
    var duration: Duration?
}
