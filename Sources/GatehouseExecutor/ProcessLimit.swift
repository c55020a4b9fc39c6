import Foundation

/// A pids cgroup of one build: caps how many processes the job may have (a fork bomb hurts only its own build)
/// and lists every process it left behind, so the runner can kill them all when the job ends.
///
/// The group is joined by the shell that then `exec`s the sandbox, so every process of the job is inside it
/// from its first instruction. When the group can't be made (no cgroup v1 pids hierarchy, not root), the job
/// runs without it and its log says so.
final class ProcessLimit: Sendable {
    /// The group's directory; nil when the job runs without a limit.
    let directory: String?
    /// What the log header says about the limit.
    let logLine: String

    init(parent: String?, maximum: Int) {
        guard let parent, maximum > 0 else {
            directory = nil
            logLine = "process limit: none (not configured)"
            return
        }
        let directory = "\(parent)/build-\(UUID().uuidString)"
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            try Data("\(maximum)\n".utf8).write(to: URL(fileURLWithPath: "\(directory)/pids.max"))
            self.directory = directory
            logLine = "process limit: \(maximum) processes"
        } catch {
            try? FileManager.default.removeItem(atPath: directory)
            self.directory = nil
            logLine = "process limit: none (the pids cgroup \(parent) is not writable here)"
        }
    }

    /// The file the job's first process writes its pid into to join the group.
    var joinFile: String? { directory.map { "\($0)/cgroup.procs" } }

    /// Kills every process still in the group, until none is left (a dying fork bomb may still be forking).
    func killAll() {
        guard let directory else { return }
        for _ in 0..<100 {
            let members = Self.members(directory)
            if members.isEmpty { return }
            for pid in members { _ = kill(pid, SIGKILL) }
            usleep(2_000)
        }
    }

    /// Empties and deletes the group; a cgroup directory is removed with rmdir once it has no processes.
    func remove() {
        guard let directory else { return }
        killAll()
        for _ in 0..<100 {
            if rmdir(directory) == 0 || errno == ENOENT { return }
            usleep(5_000)
        }
    }

    private static func members(_ directory: String) -> [pid_t] {
        guard let text = try? String(contentsOfFile: "\(directory)/cgroup.procs", encoding: .utf8) else { return [] }
        return text.split(separator: "\n").compactMap { pid_t($0) }
    }
}
