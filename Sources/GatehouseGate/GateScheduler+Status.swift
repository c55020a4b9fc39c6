import Foundation
package import GatehouseAPIModels
import GatehouseCore
import GatehouseExecutor
import GatehouseGit
import GatehouseReview
import GatehouseStore
import Logging

/// The gate explaining itself: `GET /api/gate/status`.
extension GateScheduler {
    package func status() async throws -> GateStatusInfo {
        var history: [String: Double?] = [:]
        for key in queues.keys {
            for job in Set(queues[key]!.queue.items.flatMap(\.jobs)) { history["\(key.project.rawValue)\u{0}\(job)"] = .some(nil) }
        }
        for run in checks.values { for job in run.builds.keys { history["\(run.project.rawValue)\u{0}\(job)"] = .some(nil) } }
        let wanted = Array(history.keys)
        let durations = try await context.store.read { tx in
            var found: [String: Double] = [:]
            for entry in wanted {
                let parts = entry.split(separator: "\u{0}", maxSplits: 1).map(String.init)
                guard parts.count == 2, let project = try? ProjectName(parts[0]) else { continue }
                if let nanos = try await tx.typicalDuration(project: project, job: parts[1]) { found[entry] = Double(nanos) / 1e9 }
            }
            return found
        }
        func typical(_ project: ProjectName, _ job: String) -> Double? { durations["\(project.rawValue)\u{0}\(job)"] }
        var queueInfos: [GateQueueInfo] = []
        for key in queues.keys.sorted(by: { $0.description < $1.description }) {
            guard let runtime = queues[key], !runtime.queue.items.isEmpty else { continue }
            var items: [GateItemInfo] = []
            for (index, item) in runtime.queue.items.enumerated() {
                var jobs: [GateJobInfo] = []
                var eta: Double?
                for job in item.jobs {
                    let run = item.generation.flatMap { runtime.builds[$0]?[job] }
                    let info = jobInfo(job, state: item.state(ofJob: job), run: run, typical: typical(key.project, job))
                    if let jobETA = info.etaSeconds { eta = max(eta ?? 0, jobETA) }
                    jobs.append(info)
                }
                let details = runtime.details[item.patchSet]
                items.append(GateItemInfo(
                    position: index + 1, change: item.patchSet.change, patchSet: item.patchSet.patchSet, id: item.patchSet.description,
                    subject: details?.subject ?? "", buildsOn: item.buildsOn.map(\.description).joined(separator: " "),
                    state: Self.state(of: item), failure: item.failure.map { runtime.conflictNotes[item.patchSet] ?? $0.description },
                    commit: item.generation.flatMap { runtime.prepared[$0]?.hex }, enqueuedAt: details?.enqueuedAt.gerritFormat ?? "",
                    etaSeconds: eta, jobs: jobs))
            }
            queueInfos.append(GateQueueInfo(project: key.project.rawValue, branch: key.branch.rawValue, window: runtime.queue.window.size, items: items))
        }
        var checkInfos: [CheckItemInfo] = []
        for run in checks.values.sorted(by: { $0.patchSet.change < $1.patchSet.change }) {
            var jobs: [GateJobInfo] = []
            for (job, build) in run.builds.sorted(by: { $0.key < $1.key }) {
                let state: JobState = build.result.map { $0 == .success ? .succeeded : .failed } ?? .running(attempt: 1)
                jobs.append(jobInfo(job, state: state, run: build, typical: typical(run.project, job)))
            }
            checkInfos.append(CheckItemInfo(project: run.project.rawValue, change: run.patchSet.change, patchSet: run.patchSet.patchSet, jobs: jobs))
        }
        let outside = try await context.store.read { tx in
            var result: [NotEnqueuedInfo] = []
            for change in try await tx.approvedChangesOutsideGate() {
                let unmet = try await SubmitChange.requirements(for: change, in: tx).filter { $0.status == .unsatisfied || $0.status == .blocked }
                result.append(NotEnqueuedInfo(
                    project: change.project.rawValue, branch: change.branch.rawValue, change: change.number,
                    patchSet: change.currentPatchSet, subject: change.subject,
                    missing: unmet.isEmpty ? ["all requirements hold; it enters the gate on the next pass"] : unmet.map { "\($0.name): \($0.explanation)" }))
            }
            return result
        }
        return GateStatusInfo(queues: queueInfos, check: checkInfos, notEnqueued: outside)
    }

    private func jobInfo(_ job: String, state: JobState?, run: BuildRun?, typical: Double?) -> GateJobInfo {
        let stateName: String
        switch state {
        case .pending?, nil: stateName = "pending"
        case .running?: stateName = run?.result == nil ? "running" : "pending"
        case .succeeded?: stateName = "succeeded"
        case .failed?: stateName = "failed"
        case .cancelled?: stateName = "cancelled"
        }
        var elapsed: Double?
        var eta: Double?
        if let run, stateName == "running" {
            let duration = ContinuousClock.now - run.startedAt
            elapsed = Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
            eta = typical.map { max($0 - (elapsed ?? 0), 0) }
        }
        return GateJobInfo(
            name: job, state: stateName, attempt: run?.attempt, buildID: run?.buildID, elapsedSeconds: elapsed, etaSeconds: eta,
            logURL: run.map { logURL($0.buildID) })
    }

    static func state(of item: QueueItem) -> String {
        guard let buildSet = item.buildSet else { return "waiting" }
        if buildSet.isMerging { return "merging" }
        if item.isFailing { return "failing" }
        if buildSet.speculativeMerge == .preparing { return "preparing" }
        if buildSet.allJobsSucceeded { return "passed" }
        return "running"
    }
}

extension GateScheduler {
    /// Each gate queue's length and window, cheaply, for `/metrics`.
    package func queueGauges() -> [(project: String, branch: String, items: Int, window: Int)] {
        queues.map { key, runtime in (key.project.rawValue, key.branch.rawValue, runtime.queue.items.count, runtime.queue.window.size) }
            .sorted { ($0.project, $0.branch) < ($1.project, $1.branch) }
    }
}
