import Foundation
import GatehouseCore
import GatehouseExecutor
import GatehouseGit
import GatehouseReview
import GatehouseStore
import Logging

/// Speculative merges and builds: turning `prepareMerge` and `startJob` into commits and sandboxed runs.
extension GateScheduler {
    /// Makes the item's speculative commit on its parent's commit (or the tip), and reports the outcome.
    func prepareMerge(_ item: PatchSetID, on base: [PatchSetID], generation: Int, in key: QueueKey) async throws -> [GateAction] {
        guard isCurrent(item, generation, in: key), let runtime = queues[key], let details = runtime.details[item] else {
            logger.debug("gate \(key): prepareMerge for \(item) generation \(generation) is stale")
            return []
        }
        // The base the queue holds now, not the one the action was issued with: a merge performed between the
        // two drops the landed item from the base (its commit is now the tip) without a new generation.
        let base = runtime.queue.item(item)?.buildSet?.base ?? base
        let baseCommit: CommitID?
        if let parent = base.last {
            // The parent was prepared earlier in the worklist; if it has no commit it conflicted, and this
            // build set is about to be replaced.
            guard let parentGeneration = runtime.queue.item(parent)?.generation, let commit = runtime.prepared[parentGeneration] else {
                logger.debug("gate \(key): \(item) waits for a rebuild, its parent \(parent) has no commit")
                return []
            }
            baseCommit = commit
        } else {
            baseCommit = runtime.tip
        }
        let outcome: SpeculativeMerge
        if let baseCommit {
            let settings = try await context.store.read { tx in try await tx.gateSettings(of: key.project) }
            outcome = try await context.repository(for: key.project).speculativeMerge(
                base: baseCommit, change: details.commit, strategy: settings.mergeStrategy, subject: details.subject,
                identity: GitIdentity(name: "Gatehouse", email: "gatehouse@localhost", time: context.clock())
            )
        } else {
            outcome = .merged(details.commit)  // an unborn branch starts at the change itself
        }
        guard isCurrent(item, generation, in: key) else {
            logger.debug("gate \(key): \(item) generation \(generation) was replaced while its merge was made")
            return []
        }
        switch outcome {
        case .merged(let commit):
            queues[key]!.prepared[generation] = commit
            return queues[key]!.queue.mergePrepared(item, generation: generation)
        case .conflict(let files):
            let note = files.isEmpty ? "merge conflict" : "merge conflict in \(files.joined(separator: ", "))"
            return try await conflicted(item, generation: generation, files: files, note: note, in: key)
        case .notFastForward:
            let note = "\(item) is not a fast-forward of \(key.branch.rawValue) and the project merges only by fast-forward: rebase it"
            return try await conflicted(item, generation: generation, files: [], note: note, in: key)
        }
    }

    private func conflicted(_ item: PatchSetID, generation: Int, files: [String], note: String, in key: QueueKey) async throws -> [GateAction] {
        guard let queueItem = queues[key]?.queue.item(item) else { return [] }
        let now = context.clock()
        let stack = queueItem.stackDescription
        let events = EventRecorder(context: context)
        try await context.store.write { tx in
            for job in queueItem.jobs {
                let build = try await tx.insertBuild(
                    pipeline: .gate, project: key.project, patchSet: item, job: job, attempt: 1, changes: stack, commit: nil,
                    result: .mergeConflict, now: now)
                try await events.build(build, in: tx, now: now)
            }
        }
        queues[key]!.conflictNotes[item] = note
        return queues[key]!.queue.mergeConflicted(item, generation: generation, files: files)
    }

    /// Records a build and starts it in the background; its result comes back through `buildFinished`.
    func startJob(_ item: PatchSetID, job name: String, generation: Int, attempt: Int, in key: QueueKey) async throws -> [GateAction] {
        guard isCurrent(item, generation, in: key), let runtime = queues[key], let commit = runtime.prepared[generation],
            let stack = runtime.queue.item(item)?.stackDescription
        else { return [] }
        let repository = context.repository(for: key.project)
        let configuration = try await configuration(at: commit, in: key)
        let now = context.clock()
        let definition: JobDefinition?
        let problem: String?
        switch configuration {
        case .success(let jobs):
            definition = jobs.jobs.first { $0.name == name }
            problem = definition == nil
                ? "job \(name) is not defined in the .gatehouse.yaml of the tested commit \(commit.abbreviated)" : nil
        case .failure(let error):
            definition = nil
            problem = error.description
        }
        let events = EventRecorder(context: context)
        let build = try await context.store.write { tx in
            let build = try await tx.insertBuild(
                pipeline: .gate, project: key.project, patchSet: item, job: name, attempt: attempt, changes: stack, commit: commit,
                result: problem == nil ? nil : .error, now: now)
            try await events.build(build, in: tx, now: now)
            return build
        }
        guard let definition else {
            launcher.writeLog(build.id, "# ERROR: \(problem ?? "")\n")
            queues[key]?.builds[generation, default: [:]][name] = BuildRun(
                patchSet: item, buildID: build.id, attempt: attempt, startedAt: .now, result: .error, duration: .zero)
            return queues[key]?.queue.buildCompleted(item, generation: generation, job: name, result: .failure) ?? []
        }
        let launcher = launcher
        let task = Task {
            let (result, duration) = await launcher.run(build, job: definition, commit: commit, repository: repository, priority: .gate)
            // Recorded outside this (possibly cancelled) task, so an aborted build still gets its result.
            await Task { await self.buildFinished(build, result: result, duration: duration, generation: generation, in: key) }.value
        }
        queues[key]?.builds[generation, default: [:]][name] = BuildRun(patchSet: item, buildID: build.id, attempt: attempt, startedAt: .now, task: task)
        return []
    }

    /// A build ended: record it, tell the queue, perform what follows.
    func buildFinished(_ build: Build, result: Build.Result, duration: Duration, generation: Int, in key: QueueKey) async {
        do {
            let now = context.clock()
            let events = EventRecorder(context: context)
            try await context.store.write { tx in
                if let finished = try await tx.finishBuild(build.id, result: result, now: now) { try await events.build(finished, in: tx, now: now) }
            }
        } catch {
            logger.error("gate: recording build \(build.id) failed: \(error)")
        }
        if var run = queues[key]?.builds[generation]?[build.job], run.buildID == build.id {
            run.task = nil
            run.result = result
            run.duration = duration
            queues[key]?.builds[generation]?[build.job] = run
        }
        guard isCurrent(build.patchSet, generation, in: key) else { return }
        let actions = queues[key]!.queue.buildCompleted(
            build.patchSet, generation: generation, job: build.job, result: Self.queueResult(result))
        if actions.contains(.startJob(item: build.patchSet, job: build.job, generation: generation, attempt: build.attempt + 1)) {
            try? await context.store.write { tx in try await tx.markBuildRetried(build.id) }
            queues[key]?.builds[generation]?[build.job]?.result = .retry
        }
        await perform(actions, in: key)
    }

    /// What the queue makes of a recorded result: a build that could not run fails the item like a red one.
    static func queueResult(_ result: Build.Result) -> BuildResult {
        switch result {
        case .success: .success
        case .timedOut: .timedOut
        case .aborted: .aborted
        case .failure, .error, .mergeConflict, .retry: .failure
        }
    }

    /// The tested commit's job definitions, read once per commit.
    func configuration(at commit: CommitID, in key: QueueKey) async throws -> Result<JobConfiguration, JobConfigurationError> {
        if let known = queues[key]?.configurations[commit] { return known }
        let settings = try await context.store.read { tx in try await tx.gateSettings(of: key.project) }
        let result = try await JobConfigurationReader.read(
            at: commit, in: context.repository(for: key.project), allowNetwork: settings.allowNetworkJobs)
        queues[key]?.configurations[commit] = result
        return result
    }
}
