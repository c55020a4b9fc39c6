/// One approved patch set waiting in a gate queue to be tested on top of the items ahead of it and merged.
///
/// The item itself only knows what it is and what it runs; everything about the current attempt to test it
/// lives in its `buildSet`, which the queue replaces whenever the stack underneath changes. An item with no
/// build set is waiting outside the window.
package struct QueueItem: Hashable, Sendable {
    package let patchSet: PatchSetID
    /// The gate jobs to run, in order; all must pass.
    package let jobs: [String]
    /// The current speculative attempt, or `nil` while the item waits outside the window.
    package internal(set) var buildSet: BuildSet?
    /// A dequeue that arrived while this item's merge was in flight. The merge may already have landed, so the
    /// queue waits for its outcome: if it lands, the merge wins; if it is rejected, the item is then removed.
    package internal(set) var deferredDequeue: DequeueReason?

    init(patchSet: PatchSetID, jobs: [String]) {
        self.patchSet = patchSet
        self.jobs = jobs
    }

    /// The current build set's generation, or `nil` while waiting outside the window.
    package var generation: Int? { buildSet?.generation }
    /// The items this one is currently built on, head first (empty when built on the branch tip, or waiting).
    package var buildsOn: [PatchSetID] { buildSet?.base ?? [] }
    /// Why the current build set failed, or `nil` while it may pass (or has not started).
    package var failure: GateFailure? { buildSet?.failure }
    package var isFailing: Bool { failure != nil }
    package var isWaiting: Bool { buildSet == nil }

    /// The state of one job in the current build set; `nil` for a job the item does not run or while waiting.
    package func state(ofJob job: String) -> JobState? { buildSet?.jobStates[job] }

    /// The speculative stack in Zuul's notation, the item included: `"1,1 2,1"`.
    package var stackDescription: String {
        (buildsOn + [patchSet]).map(\.description).joined(separator: " ")
    }
}
