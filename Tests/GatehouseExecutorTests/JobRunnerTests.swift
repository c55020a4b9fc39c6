import Foundation
import GatehouseCore
import GatehouseExecutor
import Logging
import Testing

/// Real jobs in the real sandbox. On a machine without bubblewrap only the unsandboxed cases run, unless `CI`
/// is set, where a missing sandbox is a failure rather than a skip.
@Suite("Running jobs")
struct JobRunnerTests {
    static let bubblewrap = try? SandboxMode.locateBubblewrap()
    static var sandboxes: [SandboxMode] {
        if let bubblewrap { return [bubblewrap, .unsandboxed] }
        return ProcessInfo.processInfo.environment["CI"] == nil ? [.unsandboxed] : [.bubblewrap(executable: "/missing/bwrap")]
    }

    struct Run {
        let outcome: JobOutcome
        let log: String
        let workspace: String
    }

    func run(
        _ commands: [String], sandbox: SandboxMode, timeout: Duration = .seconds(30), outputLimit: Int = 1 << 20,
        environment: [String: String] = [:], prepare: (String) throws -> Void = { _ in }
    ) async throws -> Run {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("runner-\(UUID().uuidString)").path
        let workspace = "\(root)/workspace"
        try FileManager.default.createDirectory(atPath: workspace, withIntermediateDirectories: true)
        try prepare(workspace)
        let runner = JobRunner(settings: ExecutorSettings(sandbox: sandbox, outputLimitBytes: outputLimit), logger: Logger(label: "test"))
        let outcome = await runner.run(JobRun(
            commands: commands, timeout: timeout, environment: environment, workspace: workspace, logPath: "\(root)/log.txt"
        ))
        let log = try String(contentsOfFile: "\(root)/log.txt", encoding: .utf8)
        return Run(outcome: outcome, log: log, workspace: workspace)
    }

    @Test("commands share one shell in the checkout; output and the result land in the log", arguments: sandboxes)
    func success(sandbox: SandboxMode) async throws {
        let run = try await run(
            ["cd sub", "GREETING=hello", "echo \"$GREETING from $(basename \"$PWD\") $GATEHOUSE_CHANGE\"", "echo oops >&2", "cat ../file"],
            sandbox: sandbox, environment: ["GATEHOUSE_CHANGE": "42"]
        ) { workspace in
            try FileManager.default.createDirectory(atPath: "\(workspace)/sub", withIntermediateDirectories: true)
            try "from the checkout\n".write(toFile: "\(workspace)/file", atomically: true, encoding: .utf8)
        }
        #expect(run.outcome.result == .success, "\(run.log)")
        #expect(run.outcome.exitCode == 0)
        #expect(run.log.contains("$ cd sub\n"))
        #expect(run.log.contains("hello from sub 42\n"))
        #expect(run.log.contains("oops\n"))
        #expect(run.log.contains("from the checkout\n"))
        #expect(run.log.hasSuffix("exit status 0)\n"))
        #expect(run.log.split(separator: "\n").last?.hasPrefix("# SUCCESS in ") == true)
    }

    @Test("the first failing command fails the job, even on the left of &&", arguments: sandboxes)
    func failure(sandbox: SandboxMode) async throws {
        let run = try await run(["false && true", "echo never"], sandbox: sandbox)
        #expect(run.outcome.result == .failure)
        #expect(run.outcome.exitCode == 1)
        #expect(!run.log.contains("never\n"))
        #expect(run.log.split(separator: "\n").last?.hasPrefix("# FAILURE in ") == true)
    }

    @Test("a job that outlives its time limit is killed with what it spawned", arguments: sandboxes)
    func timeout(sandbox: SandboxMode) async throws {
        let started = ContinuousClock.now
        let run = try await run(["sleep 300 & sleep 300"], sandbox: sandbox, timeout: .milliseconds(500))
        #expect(run.outcome.result == .timedOut)
        #expect(ContinuousClock.now - started < .seconds(60))
        #expect(run.log.contains("# killed after the time limit of 0.50 s"))
        #expect(run.log.split(separator: "\n").last?.hasPrefix("# TIMED_OUT in ") == true)
    }

    @Test("output past the limit is counted, not kept", arguments: sandboxes)
    func outputLimit(sandbox: SandboxMode) async throws {
        let run = try await run(["head -c 100000 /dev/zero | tr '\\\\0' x"], sandbox: sandbox, outputLimit: 1000)
        #expect(run.outcome.result == .success)
        #expect(run.outcome.truncated)
        #expect(run.outcome.outputBytes >= 100_000)
        #expect(run.log.utf8.count < 2000)
        #expect(run.log.contains("# output truncated at 1000 bytes"))
    }

    @Test("cancelling the build aborts it", arguments: sandboxes)
    func cancelled(sandbox: SandboxMode) async throws {
        let task = Task { try await run(["echo started", "sleep 300"], sandbox: sandbox) }
        try await Task.sleep(for: .milliseconds(500))
        task.cancel()
        let cancelled = try await task.value
        #expect(cancelled.outcome.result == .aborted)
        #expect(cancelled.log.split(separator: "\n").last?.hasPrefix("# ABORTED in ") == true)
    }

    @Test("the sandbox: a read-only system, no network, no server environment, only the workspace writable")
    func isolation() async throws {
        guard let bubblewrap = Self.bubblewrap else {
            try #require(ProcessInfo.processInfo.environment["CI"] == nil, "bubblewrap is required on CI")
            return
        }
        setenv("GATEHOUSE_TEST_SECRET", "hunter2", 1)
        // /var/tmp exists on the host and is writable there; the sandbox must not reach it.
        let outside = "/var/tmp/outside-\(UUID().uuidString)"
        let run = try await run([
            "echo \"secret=${GATEHOUSE_TEST_SECRET:-none}\"",
            "if touch /usr/x 2>/dev/null; then echo usr-writable; else echo usr-readonly; fi",
            "if touch \(outside) 2>/dev/null; then echo escaped; else echo contained; fi",
            "if [ -e /root ]; then echo sees-root; else echo no-root; fi",
            "echo interfaces=$(tail -n +3 /proc/net/dev | cut -d: -f1 | tr -d ' ' | tr '\\n' ' ')",
            "touch built",
        ], sandbox: bubblewrap)
        #expect(run.outcome.result == .success, "\(run.log)")
        #expect(run.log.contains("secret=none\n"))
        #expect(run.log.contains("usr-readonly\n"))
        #expect(run.log.contains("contained\n"))
        #expect(run.log.contains("no-root\n"))
        #expect(run.log.contains("interfaces=lo\n"))
        #expect(!FileManager.default.fileExists(atPath: outside))
        #expect(FileManager.default.fileExists(atPath: "\(run.workspace)/built"))
    }

    @Test("a job that forks without end hits its own process limit, not the machine's")
    func processLimit() async throws {
        guard let bubblewrap = Self.bubblewrap else { return }
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("runner-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: "\(root)/workspace", withIntermediateDirectories: true)
        var settings = ExecutorSettings(sandbox: bubblewrap)
        settings.processLimit = 32
        // Bounded, so a machine without the pids cgroup is not harmed: 200 sleepers against a limit of 32.
        let outcome = await JobRunner(settings: settings, logger: Logger(label: "test")).run(JobRun(
            commands: ["for i in $(seq 200); do sleep 30 & done; wait"], timeout: .seconds(60),
            workspace: "\(root)/workspace", logPath: "\(root)/log.txt"
        ))
        let log = try String(contentsOfFile: "\(root)/log.txt", encoding: .utf8)
        guard log.contains("# process limit: 32 processes") else {
            try #require(ProcessInfo.processInfo.environment["CI"] == nil, "CI machines have the pids cgroup: \(log)")
            return
        }
        #expect(outcome.result == .failure, "\(log)")
        #expect(log.lowercased().contains("fork") || log.contains("Resource temporarily unavailable"), "\(log)")
        #expect(outcome.duration < .seconds(30), "the sleepers were killed with the job")
    }

    @Test("without bubblewrap the server names the package to install or the opt-out")
    func bubblewrapMissing() {
        #expect(throws: ExecutorError.sandboxUnavailable(SandboxMode.bubblewrapMissing)) {
            try SandboxMode.locateBubblewrap(searchPath: "/nonexistent", fallbacks: [])
        }
        #expect(SandboxMode.bubblewrapMissing.contains("--unsandboxed-jobs"))
    }
}
