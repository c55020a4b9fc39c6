import Foundation
import GatehouseCore
package import Logging
import Subprocess
import Synchronization
import SystemPackage

/// Runs one job: its commands in one shell, inside the sandbox, with a time limit, its output in a capped log.
///
/// The runner never throws: whatever happens (the job fails, hangs, floods its output, cannot start, or the
/// gate cancels it) ends as a ``JobOutcome`` and a log whose last line says so, because a build without a
/// result would leave a change waiting forever.
package struct JobRunner: Sendable {
    package let settings: ExecutorSettings
    let logger: Logger

    package init(settings: ExecutorSettings, logger: Logger) {
        self.settings = settings
        self.logger = logger
    }

    package func run(_ job: JobRun) async -> JobOutcome {
        let started = ContinuousClock.now
        let log: JobLog
        do {
            log = try JobLog(path: job.logPath, limit: settings.outputLimitBytes)
        } catch {
            logger.error("cannot write build log", metadata: ["path": "\(job.logPath)", "error": "\(error)"])
            return JobOutcome(result: .failure, exitCode: nil, duration: .zero, outputBytes: 0, truncated: false)
        }
        let limit = ProcessLimit(parent: settings.cgroupParent, maximum: settings.processLimit)
        defer { limit.remove() }
        log.header(sandbox: settings.sandbox, network: job.network, processLimit: limit.logLine)

        let outcome: (result: BuildResult, exitCode: Int32?)
        do throws(StartFailure) {
            outcome = try await execute(job, limit: limit, log: log)
        } catch {
            log.note("ERROR: the job could not start: \(error.reason)")
            outcome = (.failure, nil)
        }
        let duration = ContinuousClock.now - started
        log.finish("\(outcome.result) in \(LogText.elapsed(duration))" + (outcome.exitCode.map { " (exit status \($0))" } ?? ""))
        return JobOutcome(
            result: outcome.result, exitCode: outcome.exitCode, duration: duration,
            outputBytes: log.outputBytes, truncated: log.truncated
        )
    }

    /// Starts the job and copies its output (stdout and stderr interleaved, as a terminal would show them) into
    /// the log until the process ends, the time limit passes, or the task is cancelled.
    private func execute(_ job: JobRun, limit: ProcessLimit, log: JobLog) async throws(StartFailure) -> (BuildResult, Int32?) {
        let script = try JobScript(commands: job.commands)
        defer { script.remove() }
        let command = SandboxCommand(settings: settings, job: job, script: script.path, limit: limit)
        let stopped = StopReason()
        let kill: @Sendable (BuildResult, ProcessIdentifier) -> Void = { reason, process in
            stopped.set(reason)
            // The whole group: an unsandboxed job's children, or bwrap, whose pid namespace dies with it.
            _ = Glibc.kill(-process.value, SIGKILL)
            _ = Glibc.kill(process.value, SIGKILL)
            limit.killAll()
        }
        var options = PlatformOptions()
        options.createSession = true
        let result: ExecutionResult<Void, SequenceOutput, CombinedErrorOutput>
        do {
            result = try await Subprocess.run(
                .path(FilePath(command.executable)), arguments: Arguments(command.arguments),
                environment: command.environment, workingDirectory: FilePath(job.workspace), platformOptions: options,
                input: .none, output: .sequence, error: .combinedWithOutput
            ) { execution in
                let process = execution.processIdentifier
                let timer = Task {
                    try await Task.sleep(for: job.timeout)
                    kill(.timedOut, process)
                }
                defer { timer.cancel() }
                try await withTaskCancellationHandler {
                    for try await chunk in execution.standardOutput {
                        chunk.withUnsafeBytes { log.output($0) }
                    }
                } onCancel: {
                    kill(.aborted, process)
                }
            }
        } catch {
            if Task.isCancelled { return (.aborted, nil) }
            throw StartFailure("\(error)")
        }
        // Background processes the job left behind would otherwise outlive their build.
        limit.killAll()
        if Task.isCancelled { stopped.set(.aborted) }
        if let reason = stopped.reason {
            if reason == .timedOut { log.note("killed after the time limit of \(LogText.limit(job.timeout))") }
            return (reason, nil)
        }
        switch result.terminationStatus {
        case .exited(let code):
            return (code == 0 ? .success : .failure, code)
        case .signaled(let signal):
            log.note("killed by signal \(signal)")
            return (.failure, 128 + signal)
        }
    }
}

/// Why the runner itself ended a job, set once by whichever comes first: the timer or cancellation.
private final class StopReason: Sendable {
    private let value = Mutex<BuildResult?>(nil)

    var reason: BuildResult? { value.withLock { $0 } }

    func set(_ reason: BuildResult) {
        value.withLock { if $0 == nil { $0 = reason } }
    }
}
