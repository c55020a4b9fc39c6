package import GatehouseCore

extension BareRepository {
    /// Gerrit's DiffInfo for one file between `base` (nil: the first parent, or the empty tree for a root
    /// commit) and `commit`; nil when `path` names a file on neither side.
    ///
    /// `path` is looked up as a new-side path first, so a renamed file shows as RENAMED against its old name.
    /// Asking for the old name of a renamed file shows it DELETED; an unchanged file shows every line as `ab`.
    ///
    /// - Parameter context: nil for the whole file (Gerrit's default); a number keeps that many common lines
    ///   around each edit and replaces the rest by `skip` counts.
    ///
    /// Text over ``DiffLimits/textBytes`` (4 MiB) on either side is reported as binary (no content) rather than
    /// buffered: git itself makes that call through `core.bigFileThreshold`, so it agrees with
    /// ``changedFiles(from:to:)``. Binary sides report 0 lines.
    package func fileDiff(from base: CommitID?, to commit: CommitID, path: String, context: Int?) async throws -> FileDiff? {
        let baseTree = try await diffBase(base, of: commit)
        guard let sides = try await fileSides(from: baseTree, to: commit.hex, path: path) else { return nil }

        var diff = UnifiedDiff()
        if sides.changed {
            var pathspecs = [sides.oldPath, sides.newPath].compactMap(\.self)
            if pathspecs.count == 2, pathspecs[0] == pathspecs[1] { pathspecs.removeLast() }
            let arguments = ["--literal-pathspecs"] + DiffLimits.gitOptions + [
                "diff", "--no-color", "--no-ext-diff", "--no-textconv", "-M", "-U\(DiffLimits.textBytes + 1)", baseTree, commit.hex, "--",
            ]
            let output = try await git.checked(arguments + pathspecs, in: self.path, outputLimit: DiffLimits.diffOutputBytes)
            diff = try UnifiedDiff(parsing: output.stdout)
        }
        // No hunks but not binary: unchanged, a pure rename or a mode change. Show the file itself as context.
        if !diff.isBinary, !diff.hasHunks, let object = sides.newObject ?? sides.oldObject {
            if let bytes = try await blobBytes(object, limit: DiffLimits.textBytes), !DiffLimits.looksBinary(bytes) {
                let lines = Self.lines(of: bytes)
                diff.chunks = lines.isEmpty ? [] : [.common(lines)]
            } else {
                diff.isBinary = true
            }
        }

        let isBinary = diff.isBinary
        func meta(_ name: String?, lines: Int) -> FileDiff.Meta? {
            name.map { FileDiff.Meta(name: $0, contentType: FileDiff.Meta.contentType(for: $0, isBinary: isBinary), lines: isBinary ? 0 : lines) }
        }
        let content = isBinary ? [] : context.map { DiffContext.limit(diff.chunks, to: $0) } ?? diff.chunks
        return FileDiff(
            metaA: meta(sides.oldPath, lines: diff.chunks.reduce(0) { $0 + $1.linesA }),
            metaB: meta(sides.newPath, lines: diff.chunks.reduce(0) { $0 + $1.linesB }),
            changeType: sides.changeType, header: diff.header, content: content, isBinary: isBinary
        )
    }

    /// Which path and blob `path` means on each side, found with the same rename detection as the file list.
    private func fileSides(from baseTree: String, to commit: String, path: String) async throws -> FileSides? {
        let output = try await git.checked(DiffLimits.gitOptions + ["diff-tree", "-r", "-z", "-M", "--raw", baseTree, commit], in: self.path)
        if let entry = try TreeDiff(parsing: output.stdout).entries.first(where: { $0.path == path }) {
            return FileSides(
                oldPath: entry.hasOldSide ? entry.oldPath : nil, newPath: entry.hasNewSide ? entry.path : nil,
                oldObject: entry.hasOldSide ? entry.oldObject : nil, newObject: entry.hasNewSide ? entry.newObject : nil,
                changeType: entry.changeType, changed: true
            )
        }
        // Not a changed new-side path: an unchanged file, the old name of a rename, or nothing at all.
        async let oldEntry = treeEntry(at: baseTree, path: path)
        async let newEntry = treeEntry(at: commit, path: path)
        let old = try await oldEntry.flatMap { $0.type == "blob" ? $0 : nil }
        let new = try await newEntry.flatMap { $0.type == "blob" ? $0 : nil }
        switch (old, new) {
        case (nil, nil):
            return nil
        case (let old?, let new?):
            return FileSides(oldPath: path, newPath: path, oldObject: old.object, newObject: new.object, changeType: .modified, changed: old != new)
        case (let old?, nil):
            return FileSides(oldPath: path, newPath: nil, oldObject: old.object, newObject: nil, changeType: .deleted, changed: true)
        case (nil, let new?):
            return FileSides(oldPath: nil, newPath: path, oldObject: nil, newObject: new.object, changeType: .added, changed: true)
        }
    }

    /// A blob's lines without their newlines; a final line without a newline still counts.
    static func lines(of bytes: [UInt8]) -> [String] {
        var lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false)
        if lines.last?.isEmpty == true { lines.removeLast() }
        return lines.map { String(decoding: $0, as: UTF8.self) }
    }
}

/// The two sides of one file's diff, before any content is read.
private struct FileSides {
    var oldPath: String?
    var newPath: String?
    var oldObject: String?
    var newObject: String?
    var changeType: FileDiff.ChangeType
    /// False when both sides are the same blob: there is nothing for git to diff.
    var changed: Bool
}
