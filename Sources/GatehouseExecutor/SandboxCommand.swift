import Foundation
import Subprocess

/// The process line of one job: bubblewrap around `sh` (or `sh` alone when unsandboxed), optionally behind the
/// shell that joins the build's pids cgroup before it `exec`s.
///
/// Inside bubblewrap the job sees a read-only `/usr` and `/etc`, fresh `/proc`, `/dev` and `/tmp`, its
/// checkout at `/workspace` (the only writable place that outlives a command), no network unless the job asked
/// and the project allowed it, no capabilities, and a session of its own so it can't type into the server's
/// terminal. Its environment is built from nothing: the server's own variables (tokens, paths) never leak in.
struct SandboxCommand {
    let executable: String
    let arguments: [String]
    let environment: Subprocess.Environment

    /// Where the checkout appears inside the sandbox.
    static let workspace = "/workspace"
    /// Where the script appears inside the sandbox, outside the workspace.
    static let script = "/gatehouse/job.sh"

    init(settings: ExecutorSettings, job: JobRun, script: String, limit: ProcessLimit) {
        var command: [String]
        switch settings.sandbox {
        case .bubblewrap(let bwrap):
            command = [bwrap] + Self.bubblewrapArguments(job: job, script: script) + ["/bin/sh", Self.script]
        case .unsandboxed:
            command = ["/bin/sh", script]
        }
        if let join = limit.joinFile {
            command = ["/bin/sh", "-c", #"echo $$ > "$1" || exit 125; shift; exec "$@""#, "gatehouse-job", join] + command
        }
        executable = command[0]
        arguments = Array(command.dropFirst())
        let base = [
            "PATH": "/usr/local/bin:/usr/bin:/bin", "HOME": "/tmp", "LANG": "C.UTF-8", "CI": "true",
            "GATEHOUSE_WORKSPACE": settings.sandbox == .unsandboxed ? job.workspace : Self.workspace,
        ]
        let variables = base.merging(job.environment) { _, job in job }
        environment = .custom(Dictionary(uniqueKeysWithValues: variables.map { (Subprocess.Environment.Key(stringLiteral: $0.key), $0.value) }))
    }

    static func bubblewrapArguments(job: JobRun, script: String) -> [String] {
        var arguments = ["--unshare-all"]
        if job.network { arguments.append("--share-net") }
        arguments += ["--die-with-parent", "--new-session", "--cap-drop", "ALL"]
        arguments += ["--ro-bind", "/usr", "/usr", "--ro-bind", "/etc", "/etc"]
        // Merged-/usr systems have these as links into /usr; older ones as directories of their own.
        for top in ["/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32"] {
            if let target = try? FileManager.default.destinationOfSymbolicLink(atPath: top) {
                arguments += ["--symlink", target, top]
            } else if FileManager.default.fileExists(atPath: top) {
                arguments += ["--ro-bind", top, top]
            }
        }
        arguments += ["--proc", "/proc", "--dev", "/dev", "--tmpfs", "/tmp"]
        arguments += ["--bind", job.workspace, workspace, "--ro-bind", script, Self.script, "--chdir", workspace]
        return arguments
    }
}
