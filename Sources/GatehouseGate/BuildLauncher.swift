import Foundation
import GatehouseCore
import GatehouseExecutor
import GatehouseGit
import GatehouseReview
import GatehouseStore
import Logging

/// Runs one recorded build: waits for a slot, checks out exactly the commit under test, runs the job in the
/// sandbox, and cleans the workspace up. Every outcome, including "could not even start", is a result.
struct BuildLauncher: Sendable {
    let runner: JobRunner?
    /// Why jobs cannot run at all (no bubblewrap), when `runner` is nil.
    let unavailable: String?
    let slots: ExecutorSlots
    let logRoot: String
    let workspaceRoot: String
    let logger: Logger

    init(options: GateOptions, slots: ExecutorSlots, logger: Logger) {
        switch options.sandbox {
        case .success(let settings):
            runner = JobRunner(settings: settings, logger: logger)
            unavailable = nil
        case .failure(let error):
            runner = nil
            unavailable = error.description
        }
        self.slots = slots
        self.logRoot = options.logRoot
        self.workspaceRoot = options.workspaceRoot
        self.logger = logger
    }

    /// The log file of a build.
    func logPath(_ buildID: Int) -> String { "\(logRoot)/\(buildID)/log.txt" }

    /// - Returns: the job's result, or `nil` with the reason written to the log when it could not run.
    func run(
        _ build: Build, job: JobDefinition, commit: CommitID, repository: BareRepository, priority: ExecutorSlots.Priority
    ) async -> (result: Build.Result, duration: Duration) {
        let log = logPath(build.id)
        try? FileManager.default.createDirectory(atPath: (log as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        guard let runner else {
            write(log, "# ERROR: \(unavailable ?? "jobs cannot run")\n")
            return (.error, .zero)
        }
        do {
            return try await slots.withSlot(priority) {
                let workspace = "\(workspaceRoot)/\(build.id)"
                try? FileManager.default.removeItem(atPath: workspace)
                defer { try? FileManager.default.removeItem(atPath: workspace) }
                do {
                    try FileManager.default.createDirectory(atPath: workspaceRoot, withIntermediateDirectories: true)
                    try await repository.checkOut(commit, into: workspace)
                } catch {
                    write(log, "# ERROR: could not check out \(commit.hex): \(error)\n")
                    return (.error, .zero)
                }
                let outcome = await runner.run(JobRun(
                    commands: job.commands, timeout: .seconds(job.timeoutSeconds), network: job.network,
                    environment: environment(build), workspace: workspace, logPath: log
                ))
                return (Build.Result(outcome.result), outcome.duration)
            }
        } catch {
            return (.aborted, .zero)
        }
    }

    private func environment(_ build: Build) -> [String: String] {
        [
            "GATEHOUSE_PROJECT": build.project.rawValue, "GATEHOUSE_CHANGE": "\(build.patchSet.change)",
            "GATEHOUSE_PATCHSET": "\(build.patchSet.patchSet)", "GATEHOUSE_PIPELINE": build.pipeline.rawValue,
            "GATEHOUSE_JOB": build.job, "GATEHOUSE_BUILD": "\(build.id)", "GATEHOUSE_CHANGES": build.changes,
        ]
    }

    /// Writes a log for a build that never ran (its reason).
    func writeLog(_ buildID: Int, _ text: String) {
        let log = logPath(buildID)
        try? FileManager.default.createDirectory(atPath: (log as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        write(log, text)
    }

    private func write(_ path: String, _ text: String) {
        _ = FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
    }
}
