package import GatehouseCore
import SQLKit

extension StoreTransaction {
    /// Queues `patchSet` in `pipeline`, unless the change is already there; returns whether it was added.
    ///
    /// A check entry for an older patch set of the change is moved to this one (the new patch set replaces it);
    /// a gate entry is never replaced here: the scheduler dequeues a stale one itself, with a message.
    @discardableResult
    package func enqueue(
        _ patchSet: PatchSetID, pipeline: PipelineName, project: ProjectName, branch: BranchName, now: Timestamp
    ) async throws -> Bool {
        let existing = try await sql.raw("""
            SELECT patch_set FROM pipeline_items WHERE pipeline = \(bind: pipeline.rawValue) AND change_number = \(bind: patchSet.change)
            """).first()?.decode(column: "patch_set", as: Int.self)
        if let existing {
            guard pipeline == .check, existing != patchSet.patchSet else { return false }
            try await sql.raw("""
                UPDATE pipeline_items SET patch_set = \(bind: patchSet.patchSet), enqueued_at = \(bind: now.nanosecondsSinceEpoch)
                WHERE pipeline = 'check' AND change_number = \(bind: patchSet.change)
                """).run()
            return true
        }
        let id = try await nextNumber("pipeline_item")
        try await sql.raw("""
            INSERT INTO pipeline_items (id, pipeline, project, branch, change_number, patch_set, enqueued_at)
            VALUES (\(bind: id), \(bind: pipeline.rawValue), \(bind: project.rawValue), \(bind: branch.rawValue),
                    \(bind: patchSet.change), \(bind: patchSet.patchSet), \(bind: now.nanosecondsSinceEpoch))
            """).run()
        return true
    }

    /// Every live entry of `pipeline`, in the order they were queued.
    package func pipelineItems(_ pipeline: PipelineName) async throws -> [PipelineItem] {
        try await sql.raw("""
            SELECT id, pipeline, project, branch, change_number, patch_set, enqueued_at, merging_commit FROM pipeline_items
            WHERE pipeline = \(bind: pipeline.rawValue) ORDER BY id
            """).all().map(Self.pipelineItem(from:))
    }

    package func pipelineItem(_ pipeline: PipelineName, change: Change.Number) async throws -> PipelineItem? {
        try await sql.raw("""
            SELECT id, pipeline, project, branch, change_number, patch_set, enqueued_at, merging_commit FROM pipeline_items
            WHERE pipeline = \(bind: pipeline.rawValue) AND change_number = \(bind: change)
            """).first().map(Self.pipelineItem(from:))
    }

    /// Removes the entry, if it is still for this patch set (a newer one may have replaced it meanwhile).
    package func removePipelineItem(_ pipeline: PipelineName, patchSet: PatchSetID) async throws {
        try await sql.raw("""
            DELETE FROM pipeline_items WHERE pipeline = \(bind: pipeline.rawValue) AND change_number = \(bind: patchSet.change)
            AND patch_set = \(bind: patchSet.patchSet)
            """).run()
    }

    /// Records (or, with nil, clears) the commit the gate is about to move the change's branch to.
    package func setMergingCommit(_ commit: CommitID?, change: Change.Number) async throws {
        try await sql.raw("""
            UPDATE pipeline_items SET merging_commit = \(bind: commit?.hex) WHERE pipeline = 'gate' AND change_number = \(bind: change)
            """).run()
    }

    static func pipelineItem(from row: any SQLRow) throws -> PipelineItem {
        let rawPipeline = try row.decode(column: "pipeline", as: String.self)
        let rawProject = try row.decode(column: "project", as: String.self)
        let rawBranch = try row.decode(column: "branch", as: String.self)
        guard let pipeline = PipelineName(rawValue: rawPipeline), let project = try? ProjectName(rawProject),
            let branch = try? BranchName(rawBranch)
        else { throw StoreError.corrupt("pipeline item \(rawPipeline) \(rawProject) \(rawBranch)") }
        return PipelineItem(
            id: try row.decode(column: "id", as: Int.self),
            pipeline: pipeline,
            project: project,
            branch: branch,
            patchSet: PatchSetID(change: try row.decode(column: "change_number", as: Int.self), patchSet: try row.decode(column: "patch_set", as: Int.self)),
            enqueuedAt: Timestamp(nanosecondsSinceEpoch: try row.decode(column: "enqueued_at", as: Int64.self)),
            mergingCommit: try row.decode(column: "merging_commit", as: String?.self).flatMap(CommitID.init)
        )
    }
}

extension StoreTransaction {
    /// Open changes whose current patch set carries a Workflow +1 but that are not in the gate: the changes
    /// whose authors are most likely to ask "why isn't it merging?".
    package func approvedChangesOutsideGate(limit: Int = 100) async throws -> [Change] {
        try await changes(where: """
            c.status = 'NEW' AND EXISTS (SELECT 1 FROM votes v WHERE v.change_number = c.number AND v.patch_set = c.current_patch_set
                AND v.label = 'Workflow' AND v.value > 0)
            AND NOT EXISTS (SELECT 1 FROM pipeline_items p WHERE p.pipeline = 'gate' AND p.change_number = c.number)
            """, limit: limit)
    }
}
