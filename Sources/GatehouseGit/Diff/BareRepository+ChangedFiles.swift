package import GatehouseCore

extension BareRepository {
    /// Files changed from `base` (nil: the commit's first parent, or the empty tree for a root commit) to
    /// `commit`, with renames detected (`-M`), sorted by path in byte order as git sorts them.
    ///
    /// Two processes however many files changed: one `diff-tree --raw --numstat -z` for paths and line counts,
    /// one `cat-file --batch-check` for the sizes. Blobs over ``DiffLimits/textBytes`` count as binary, with no
    /// line counts, exactly as ``fileDiff(from:to:path:context:)`` will show them. Only renames are detected
    /// (no `-C`, no `-B`), so copies show as additions and `.copied`/`.rewritten` are never returned.
    package func changedFiles(from base: CommitID?, to commit: CommitID) async throws -> [ChangedFile] {
        let baseTree = try await diffBase(base, of: commit)
        let output = try await git.checked(DiffLimits.gitOptions + ["diff-tree", "-r", "-z", "-M", "--raw", "--numstat", baseTree, commit.hex], in: path)
        let diff = try TreeDiff(parsing: output.stdout)
        let sizes = try await objectSizes(diff.entries.flatMap { [$0.oldObject, $0.newObject] })
        return diff.entries.map { entry in
            let stat = diff.stats[entry.path] ?? TreeDiff.Stat(inserted: 0, deleted: 0, binary: false)
            let oldSize = entry.hasOldSide ? sizes[entry.oldObject] ?? 0 : 0
            let newSize = entry.hasNewSide ? sizes[entry.newObject] ?? 0 : 0
            return ChangedFile(
                path: entry.path, oldPath: entry.isRenameOrCopy ? entry.oldPath : nil, status: entry.fileStatus,
                linesInserted: stat.inserted, linesDeleted: stat.deleted, isBinary: stat.binary, size: newSize, sizeDelta: newSize - oldSize
            )
        }.sorted { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
    }
}
