import Foundation

/// The shell script a job runs: its commands in order, each echoed as `$ command` before it starts, the job
/// stopping at the first one that fails.
///
/// `set -e` alone is not enough: it ignores a failure on the left of `&&` or `||`, so each command's own status
/// is checked too. The file lives outside the workspace (bound read-only into the sandbox), so the job cannot
/// rewrite what it is running.
struct JobScript {
    let path: String

    init(commands: [String]) throws(StartFailure) {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("gatehouse-job-\(UUID().uuidString).sh").path
        guard FileManager.default.createFile(atPath: path, contents: Data(Self.text(commands).utf8)) else {
            throw StartFailure("cannot write the job script to \(path)")
        }
    }

    func remove() {
        try? FileManager.default.removeItem(atPath: path)
    }

    static func text(_ commands: [String]) -> String {
        var script = "set -e\n"
        for command in commands {
            let echoed = "$ " + command.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "\n  ")
            script += "printf '%s\\n' \(quoted(echoed))\n"
            script += command + "\n"
            script += "_gatehouse_status=$?; [ \"$_gatehouse_status\" -eq 0 ] || exit \"$_gatehouse_status\"\n"
        }
        return script
    }

    /// One single-quoted shell word, whatever `text` holds.
    static func quoted(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
