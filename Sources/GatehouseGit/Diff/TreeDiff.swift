/// The output of `git diff-tree -r -z --raw [--numstat]`: which paths changed, their objects, and line counts.
///
/// With `-z` every path is a NUL-terminated token, so names with spaces, tabs, newlines or any other byte
/// come through unquoted and unambiguous. Records are read structurally (a raw header is followed by one path,
/// or two for renames and copies), never by guessing from a token's first character. A path that is not UTF-8
/// is decoded with replacement characters: it displays, but cannot be looked up again by that name.
struct TreeDiff {
    /// One raw-diff record.
    struct Entry: Equatable {
        var oldMode: String
        var newMode: String
        var oldObject: String
        var newObject: String
        /// The status letter (`A`, `D`, `M`, `T`, `R`, `C`, …) without the similarity score.
        var status: Character
        /// The old side's path; equal to `path` unless renamed or copied.
        var oldPath: String
        /// The new side's path; for a deletion, the deleted path.
        var path: String

        var hasOldSide: Bool { status != "A" }
        var hasNewSide: Bool { status != "D" }
        var isRenameOrCopy: Bool { status == "R" || status == "C" }

        /// FileInfo's status; a type change (file to symlink) is a modification, as in Gerrit.
        var fileStatus: ChangedFile.Status {
            switch status {
            case "A": .added
            case "D": .deleted
            case "R": .renamed
            case "C": .copied
            default: .modified
            }
        }

        /// DiffInfo's change type, for the same statuses.
        var changeType: FileDiff.ChangeType {
            switch status {
            case "A": .added
            case "D": .deleted
            case "R": .renamed
            case "C": .copied
            default: .modified
            }
        }
    }

    /// One `--numstat` record; `binary` when git printed `-` for the counts.
    struct Stat: Equatable {
        var inserted: Int
        var deleted: Int
        var binary: Bool
    }

    var entries: [Entry] = []
    /// Keyed by the new path, the same key as ``Entry/path``.
    var stats: [String: Stat] = [:]

    /// The object name git prints for a side that does not exist.
    static let absent = String(repeating: "0", count: 40)

    init(parsing output: [UInt8]) throws(GitError) {
        let tokens = output.split(separator: 0, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
        var index = 0
        func next() throws(GitError) -> String {
            guard index < tokens.count else { throw .unexpectedOutput("truncated diff-tree output") }
            defer { index += 1 }
            return tokens[index]
        }
        while index < tokens.count {
            let token = try next()
            if token.isEmpty { continue }
            if token.hasPrefix(":") {
                entries.append(try Self.entry(header: token, next: next))
            } else {
                try parseStat(token, next: next)
            }
        }
    }

    /// Reads `:old-mode new-mode old-sha new-sha STATUS` and its path tokens.
    private static func entry(header: String, next: () throws(GitError) -> String) throws(GitError) -> Entry {
        let fields = header.dropFirst().split(separator: " ")
        guard fields.count == 5, let status = fields[4].first else { throw .unexpectedOutput("diff-tree record \(header)") }
        let first = try next()
        let second = status == "R" || status == "C" ? try next() : first
        return Entry(
            oldMode: String(fields[0]), newMode: String(fields[1]), oldObject: String(fields[2]), newObject: String(fields[3]),
            status: status, oldPath: first, path: second
        )
    }

    /// Reads `added<TAB>deleted<TAB>path`, where an empty path means two path tokens (old, new) follow.
    private mutating func parseStat(_ token: String, next: () throws(GitError) -> String) throws(GitError) {
        let fields = token.split(separator: "\t", maxSplits: 2, omittingEmptySubsequences: false)
        guard fields.count == 3 else { throw .unexpectedOutput("diff-tree numstat record \(token)") }
        var path = String(fields[2])
        if path.isEmpty {
            _ = try next()
            path = try next()
        }
        let binary = fields[0] == "-"
        stats[path] = Stat(inserted: Int(fields[0]) ?? 0, deleted: Int(fields[1]) ?? 0, binary: binary)
    }
}
