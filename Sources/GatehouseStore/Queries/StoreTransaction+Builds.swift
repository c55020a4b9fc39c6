package import GatehouseCore
import SQLKit

extension StoreTransaction {
    /// Records a build that starts now; its id names its log (`/logs/<id>/`).
    package func insertBuild(
        pipeline: PipelineName, project: ProjectName, patchSet: PatchSetID, job: String, attempt: Int, changes: String,
        commit: CommitID?, result: Build.Result? = nil, now: Timestamp
    ) async throws -> Build {
        let build = Build(
            id: try await nextNumber("build"), pipeline: pipeline, project: project, patchSet: patchSet, job: job, attempt: attempt,
            changes: changes, commit: commit, result: result, startedAt: now, endedAt: result == nil ? nil : now
        )
        try await sql.raw("""
            INSERT INTO builds (id, pipeline, project, change_number, patch_set, job, attempt, changes, commit_id, result, started_at, ended_at)
            VALUES (\(bind: build.id), \(bind: pipeline.rawValue), \(bind: project.rawValue), \(bind: patchSet.change),
                    \(bind: patchSet.patchSet), \(bind: job), \(bind: attempt), \(bind: changes), \(bind: commit?.hex),
                    \(bind: result?.rawValue), \(bind: now.nanosecondsSinceEpoch), \(bind: build.endedAt?.nanosecondsSinceEpoch))
            """).run()
        return build
    }

    /// Sets the result of a build, once: a build that already has one keeps it (a late report changes nothing).
    ///
    /// - Returns: the finished build, or nil when it already had a result.
    @discardableResult
    package func finishBuild(_ id: Int, result: Build.Result, now: Timestamp) async throws -> Build? {
        let updated = try await sql.raw("""
            UPDATE builds SET result = \(bind: result.rawValue), ended_at = \(bind: now.nanosecondsSinceEpoch)
            WHERE id = \(bind: id) AND result IS NULL RETURNING id
            """).first()
        return updated == nil ? nil : try await build(id: id)
    }

    /// Re-labels a finished failure as retried: the gate ran the job again.
    package func markBuildRetried(_ id: Int) async throws {
        try await sql.raw("UPDATE builds SET result = 'RETRY' WHERE id = \(bind: id)").run()
    }

    /// After a restart, no build is running any more: those that were are recorded as aborted (they rerun).
    package func abortUnfinishedBuilds(now: Timestamp) async throws {
        try await sql.raw("""
            UPDATE builds SET result = 'ABORTED', ended_at = \(bind: now.nanosecondsSinceEpoch) WHERE result IS NULL
            """).run()
    }

    package func builds(ofChange change: Change.Number) async throws -> [Build] {
        try await builds(where: "change_number = \(bind: change)")
    }

    package func build(id: Int) async throws -> Build? {
        try await builds(where: "id = \(bind: id)").first
    }

    /// The mean duration of the last successful builds of a job, for ETAs; nil without history.
    package func typicalDuration(project: ProjectName, job: String, samples: Int = 10) async throws -> Int64? {
        let rows = try await sql.raw("""
            SELECT started_at, ended_at FROM builds WHERE project = \(bind: project.rawValue) AND job = \(bind: job)
            AND result = 'SUCCESS' ORDER BY id DESC LIMIT \(literal: samples)
            """).all()
        let durations = try rows.map { try $0.decode(column: "ended_at", as: Int64.self) - $0.decode(column: "started_at", as: Int64.self) }
        return durations.isEmpty ? nil : durations.reduce(0, +) / Int64(durations.count)
    }

    private func builds(where condition: SQLQueryString) async throws -> [Build] {
        try await sql.raw("""
            SELECT id, pipeline, project, change_number, patch_set, job, attempt, changes, commit_id, result, started_at, ended_at
            FROM builds WHERE \(condition) ORDER BY id
            """).all().map { row in
            let rawPipeline = try row.decode(column: "pipeline", as: String.self)
            let rawProject = try row.decode(column: "project", as: String.self)
            guard let pipeline = PipelineName(rawValue: rawPipeline), let project = try? ProjectName(rawProject) else {
                throw StoreError.corrupt("build \(rawPipeline) \(rawProject)")
            }
            return Build(
                id: try row.decode(column: "id", as: Int.self),
                pipeline: pipeline,
                project: project,
                patchSet: PatchSetID(
                    change: try row.decode(column: "change_number", as: Int.self), patchSet: try row.decode(column: "patch_set", as: Int.self)),
                job: try row.decode(column: "job", as: String.self),
                attempt: try row.decode(column: "attempt", as: Int.self),
                changes: try row.decode(column: "changes", as: String.self),
                commit: try row.decode(column: "commit_id", as: String?.self).flatMap(CommitID.init),
                result: try row.decode(column: "result", as: String?.self).flatMap(Build.Result.init(rawValue:)),
                startedAt: Timestamp(nanosecondsSinceEpoch: try row.decode(column: "started_at", as: Int64.self)),
                endedAt: try row.decode(column: "ended_at", as: Int64?.self).map(Timestamp.init(nanosecondsSinceEpoch:))
            )
        }
    }

    /// How many builds each pipeline recorded, by result (`RUNNING` for those without one), for `/metrics`.
    package func buildCounts() async throws -> [(pipeline: String, result: String, count: Int)] {
        try await sql.raw("""
            SELECT pipeline, COALESCE(result, 'RUNNING') AS result, COUNT(*) AS n FROM builds GROUP BY pipeline, COALESCE(result, 'RUNNING')
            ORDER BY pipeline, result
            """).all().map {
            (try $0.decode(column: "pipeline", as: String.self), try $0.decode(column: "result", as: String.self), try $0.decode(column: "n", as: Int.self))
        }
    }
}
