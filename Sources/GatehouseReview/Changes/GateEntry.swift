package import GatehouseCore
package import GatehouseStore

/// Puts changes into the pipelines, inside the transaction of the write that qualifies them.
///
/// Entering a pipeline is recorded in the same transaction as its cause (the vote that made a change
/// submittable, the push of a new patch set, a `recheck`), so a crash can never lose an approval between the
/// database and the scheduler: the scheduler rebuilds its queues from these rows.
package enum GateEntry {
    /// Queues the change's current patch set in the gate when its submit requirements all hold.
    ///
    /// - Returns: whether the change is (now or already) in the gate.
    @discardableResult
    package static func enqueueIfSubmittable(
        _ change: Change, in tx: StoreTransaction, now: Timestamp, events: EventRecorder
    ) async throws -> Bool {
        guard change.status.isOpen else { return false }
        let results = try await SubmitChange.requirements(for: change, in: tx)
        guard SubmitRequirements.isSubmittable(status: change.status, results: results) else { return false }
        if try await tx.enqueue(change.currentPatchSetID, pipeline: .gate, project: change.project, branch: change.branch, now: now) {
            try await events.gateEnqueued(change, in: tx, now: now)
        }
        return true
    }

    /// Queues the change's current patch set for the check pipeline (a new patch set, or `recheck`).
    package static func requestCheck(_ change: Change, in tx: StoreTransaction, now: Timestamp) async throws {
        guard change.status.isOpen else { return }
        try await tx.enqueue(change.currentPatchSetID, pipeline: .check, project: change.project, branch: change.branch, now: now)
    }

    /// Whether a review message asks for the check pipeline to run again: `recheck` on a line of its own, as
    /// OpenStack's reviewers type it (Zuul's default trigger), optionally followed by a reason.
    package static func isRecheck(_ message: String?) -> Bool {
        guard let message else { return false }
        return message.split(whereSeparator: \.isNewline).contains { line in
            let words = line.split(whereSeparator: \.isWhitespace)
            return words.first?.lowercased() == "recheck"
        }
    }
}
