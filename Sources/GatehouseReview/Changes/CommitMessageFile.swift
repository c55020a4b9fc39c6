package import GatehouseCore
package import GatehouseGit

/// The `/COMMIT_MSG` pseudo-file Gerrit shows first in every file list: a short header, then the message.
///
/// Clients comment on its lines like on any file, so its layout is part of the contract: line N of the
/// message is line N + header lines of the file.
package enum CommitMessageFile {
    package static func text(of commit: CommitObject, parentSubjects: [CommitID: String] = [:]) -> String {
        var lines: [String] = []
        for parent in commit.parents {
            lines.append("Parent:     \(parent.abbreviated) (\(parentSubjects[parent] ?? ""))")
        }
        lines.append("Author:     \(commit.author.name) <\(commit.author.email)>")
        lines.append("AuthorDate: \(commit.author.time.gerritFormat)")
        lines.append("Commit:     \(commit.committer.name) <\(commit.committer.email)>")
        lines.append("CommitDate: \(commit.committer.time.gerritFormat)")
        lines.append("")
        return lines.joined(separator: "\n") + "\n" + (commit.message ?? "")
    }

    /// How many lines the file has, for validating comment positions.
    package static func lineCount(of commit: CommitObject) -> Int {
        text(of: commit).split(separator: "\n", omittingEmptySubsequences: false).count
    }
}
