package import GatehouseCore

extension BareRepository {
    /// The bytes of `path` at `commit`, or nil when the path does not exist there or is not a file (a directory
    /// or a submodule). A symlink's content is its target, as git stores it.
    ///
    /// - Throws: ``GitError/unexpectedOutput(_:)`` when the file is larger than 64 MiB: the REST layer sends it
    ///   base64-encoded in one response, and a bigger blob is better fetched with git.
    package func fileContent(at commit: CommitID, path: String) async throws -> [UInt8]? {
        guard let entry = try await treeEntry(at: commit.hex, path: path), entry.type == "blob" else { return nil }
        guard let size = entry.size, size <= DiffLimits.contentBytes else {
            throw GitError.unexpectedOutput("\(path) is larger than \(DiffLimits.contentBytes >> 20) MiB")
        }
        return try await git.checked(["cat-file", "blob", entry.object], in: self.path, outputLimit: size + 1).stdout
    }

    /// `git format-patch -1 --stdout` of the commit: an mbox for Gerrit's `/patch` endpoint.
    ///
    /// A merge commit yields no bytes: format-patch cannot express one, and `-1` on a merge would silently
    /// print the nearest non-merge ancestor instead. Gerrit refuses `/patch` for merges, so the caller should
    /// answer 409 for them rather than send an empty body. Output is bounded by the runner's limit (64 MiB).
    package func formatPatch(_ commit: CommitID) async throws -> [UInt8] {
        guard try await commits([commit]).first?.parents.count ?? 0 <= 1 else { return [] }
        return try await git.checked(["format-patch", "-1", "--stdout", "--no-color", commit.hex], in: path).stdout
    }
}
