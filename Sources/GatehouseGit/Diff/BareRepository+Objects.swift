import GatehouseCore

/// Lookups the diff operations share: which tree a diff starts from, what a path names, how big objects are.
extension BareRepository {
    /// What a diff of `commit` starts from: `base` when given, else the first parent, else the empty tree.
    ///
    /// Reading the commit first also turns "no such commit" into one clear error before any diff runs.
    func diffBase(_ base: CommitID?, of commit: CommitID) async throws -> String {
        if let base { return base.hex }
        let object = try await commits([commit])
        return object.first?.parents.first?.hex ?? Self.emptyTree
    }

    /// The blob's bytes, or nil when it is larger than `limit` (the size is checked before anything is read).
    func blobBytes(_ object: String, limit: Int) async throws -> [UInt8]? {
        guard let size = try await objectSizes([object])[object], size <= limit else { return nil }
        return try await git.checked(["cat-file", "blob", object], in: path, outputLimit: size + 1).stdout
    }

    /// The entry `path` names in `treeish` (a commit or tree SHA), or nil when there is none.
    ///
    /// Pathspecs are literal, so `*` or `:` in a file name match only themselves.
    func treeEntry(at treeish: String, path: String) async throws -> TreeEntry? {
        guard !path.isEmpty else { return nil }
        let output = try await git.checked(["--literal-pathspecs", "ls-tree", "-z", "-l", "--full-tree", treeish, "--", path], in: self.path)
        return output.stdout.split(separator: 0).lazy.compactMap(TreeEntry.init(record:)).first { $0.path == path }
    }

    /// Sizes of the given objects by SHA from one `cat-file --batch-check`; missing objects (submodule
    /// commits) and the all-zero "no object" are left out.
    func objectSizes(_ objects: [String]) async throws -> [String: Int] {
        let wanted = Array(Set(objects.filter { $0 != TreeDiff.absent })).sorted()
        guard !wanted.isEmpty else { return [:] }
        let input = wanted.map { $0 + "\n" }.joined()
        let output = try await git.checked(["cat-file", "--batch-check"], in: path, input: Array(input.utf8))
        var sizes: [String: Int] = [:]
        for line in output.lines {
            let fields = line.split(separator: " ")
            if fields.count == 3, let size = Int(fields[2]) { sizes[String(fields[0])] = size }
        }
        return sizes
    }
}
