import Foundation

/// How jobs are isolated.
///
/// A job runs commands taken from the change under test, so anyone who can upload a change chooses them. Jobs
/// therefore run under bubblewrap unless the administrator explicitly gave that up for a machine that lacks it.
package enum SandboxMode: Sendable, Hashable {
    /// Each job in its own namespaces, seeing a read-only system and only its own workspace; `executable` is bwrap.
    case bubblewrap(executable: String)
    /// Only with `gatehouse serve --unsandboxed-jobs`: runs `sh` directly, for machines without bubblewrap.
    case unsandboxed

    /// The sentence an administrator sees when bubblewrap is missing: what to install, or how to opt out.
    package static let bubblewrapMissing =
        "bubblewrap (bwrap) is not installed; install Debian's bubblewrap package, or start gatehouse serve "
        + "with --unsandboxed-jobs to run jobs without a sandbox"

    /// Finds bwrap on `PATH` (or /usr/bin/bwrap), so the server refuses to start rather than run jobs unsandboxed.
    package static func locateBubblewrap() throws(ExecutorError) -> SandboxMode {
        try locateBubblewrap(searchPath: ProcessInfo.processInfo.environment["PATH"], fallbacks: ["/usr/bin/bwrap"])
    }

    /// ``locateBubblewrap()`` with the search spelled out, so the failure can be tested on a machine that has bwrap.
    package static func locateBubblewrap(searchPath: String?, fallbacks: [String]) throws(ExecutorError) -> SandboxMode {
        let directories = (searchPath ?? "").split(separator: ":").map { "\($0)/bwrap" }
        for candidate in directories + fallbacks where FileManager.default.isExecutableFile(atPath: candidate) {
            return .bubblewrap(executable: candidate)
        }
        throw .sandboxUnavailable(bubblewrapMissing)
    }

    /// How the log header names the isolation, so a reader knows what the job could and could not see.
    var logDescription: String {
        switch self {
        case .bubblewrap(let executable): "bubblewrap (\(executable))"
        case .unsandboxed: "none (unsandboxed: the job runs as the server's user and sees the whole machine)"
        }
    }
}
