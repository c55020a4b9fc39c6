/// One file changed between two commits: Gerrit's FileInfo in domain terms.
///
/// The HTTP layer turns this into JSON (omitting `status` for modifications and zero line counts, as Gerrit
/// does); keeping it free of JSON rules lets other callers (e-mail, stream events) reuse the same facts.
package struct ChangedFile: Hashable, Sendable {
    /// Git's raw-diff status letters, which are also Gerrit's FileInfo `status` values.
    package enum Status: String, Sendable {
        case added = "A"
        case deleted = "D"
        case modified = "M"
        case renamed = "R"
        case copied = "C"
        case rewritten = "W"
    }

    /// The path on the new side (for a deletion, the deleted path).
    package var path: String
    /// The path on the old side, only for renames and copies.
    package var oldPath: String?
    package var status: Status
    package var linesInserted: Int
    package var linesDeleted: Int
    /// True when git would not diff the content as text (a NUL byte, or larger than ``DiffLimits/textBytes``).
    package var isBinary: Bool
    /// The new blob's size in bytes; 0 when the file was deleted.
    package var size: Int
    /// New size minus old size, so clients can show "+12 bytes" for binary files.
    package var sizeDelta: Int

    package init(
        path: String, oldPath: String? = nil, status: Status, linesInserted: Int = 0, linesDeleted: Int = 0,
        isBinary: Bool = false, size: Int, sizeDelta: Int
    ) {
        self.path = path
        self.oldPath = oldPath
        self.status = status
        self.linesInserted = linesInserted
        self.linesDeleted = linesDeleted
        self.isBinary = isBinary
        self.size = size
        self.sizeDelta = sizeDelta
    }
}
