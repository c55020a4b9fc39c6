import Foundation
package import GatehouseCore

/// A project's bare repository on disk, and the git plumbing Gatehouse runs in it.
///
/// All methods shell out to `git`; none keeps state in memory, so the repository on disk is always the truth.
package struct BareRepository: Sendable {
    package let path: String
    package let git: Git

    package init(path: String, git: Git) {
        self.path = path
        self.git = git
    }

    /// The SHA of the empty tree, which every git knows without storing it.
    package static let emptyTree = "4b825dc642cb6eb9a060e54bf8d69288fbee4904"

    /// Creates a bare repository whose `HEAD` names `headBranch` (still unborn).
    package static func create(at path: String, headBranch: BranchName, git: Git) async throws -> BareRepository {
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try await git.checked(["init", "--quiet", "--bare", "--initial-branch=\(headBranch.rawValue)", path])
        let repository = BareRepository(path: path, git: git)
        // Reflogs record every ref move: the audit trail for "who moved this branch, and when".
        try await repository.git.checked(["config", "core.logAllRefUpdates", "always"], in: path)
        try await repository.git.checked(["config", "uploadpack.allowFilter", "true"], in: path)
        try await repository.git.checked(["config", "receive.autogc", "false"], in: path)
        return repository
    }

    package var exists: Bool { FileManager.default.fileExists(atPath: "\(path)/HEAD") }

    /// The commit `ref` points at, or nil when it does not exist or is not a commit.
    package func resolve(_ ref: String, environment: [String: String] = [:]) async throws -> CommitID? {
        let output = try await git.run(["rev-parse", "--verify", "--quiet", "--end-of-options", "\(ref)^{commit}"], in: path, environment: environment)
        if output.succeeded { return CommitID(output.text) }
        // `--quiet` answers a missing ref with status 1 and nothing else; anything more (a killed process, a
        // broken repository) must not read as "the branch does not exist", which callers act upon.
        guard output.exitCode == 1, output.stderr.isEmpty else { throw GitError.commandFailed(output) }
        return nil
    }

    /// Refs under the given prefixes (`refs/heads/`), sorted by name.
    package func refs(under prefixes: [String]) async throws -> [(name: String, commit: CommitID)] {
        let output = try await git.checked(["for-each-ref", "--format=%(objectname) %(refname)"] + prefixes, in: path)
        return output.lines.compactMap { line in
            let parts = line.split(separator: " ", maxSplits: 1)
            guard parts.count == 2, let id = CommitID(String(parts[0])) else { return nil }
            return (String(parts[1]), id)
        }
    }

    /// The branch `HEAD` points at, even when it is unborn.
    package func headBranch() async throws -> BranchName? {
        let output = try await git.run(["symbolic-ref", "--quiet", "HEAD"], in: path)
        return output.succeeded ? try? BranchName(output.text) : nil
    }

    /// Applies all updates atomically: either every ref moves or none does.
    ///
    /// - Throws: ``GitError/commandFailed(_:)`` when an expected old value does not match (a lost race).
    package func update(_ updates: [RefUpdate], message: String = "gatehouse") async throws {
        guard !updates.isEmpty else { return }
        var script = ""
        for update in updates {
            script += "update \(update.name) \(update.new.hex)"
            if let old = update.expectedOld { script += " \(old.hex)" }
            script += "\n"
        }
        try await git.checked(["update-ref", "--create-reflog", "-m", message, "--stdin"], in: path, input: Array(script.utf8))
    }

    /// Reads commits with one `git cat-file --batch` process, however many are asked for.
    ///
    /// - Parameter tolerateMissing: skip ids the repository lacks instead of failing (display code, where a
    ///   parent may be outside a shallow history).
    package func commits(_ ids: [CommitID], tolerateMissing: Bool = false, environment: [String: String] = [:]) async throws -> [CommitObject] {
        guard !ids.isEmpty else { return [] }
        let input = ids.map { $0.hex + "\n" }.joined()
        let output = try await git.checked(["cat-file", "--batch"], in: path, environment: environment, input: Array(input.utf8))
        var commits: [CommitObject] = []
        var bytes = output.stdout[...]
        for id in ids {
            guard let newline = bytes.firstIndex(of: 0x0A) else { throw GitError.unexpectedOutput("truncated cat-file output") }
            let header = String(decoding: bytes[bytes.startIndex..<newline], as: UTF8.self).split(separator: " ")
            if tolerateMissing, header.count == 2, header[1] == "missing" {
                bytes = bytes[(newline + 1)...]
                continue
            }
            guard header.count == 3, header[1] == "commit", let size = Int(header[2]) else {
                throw GitError.unexpectedOutput("\(id.hex) is not a commit (\(header.joined(separator: " ")))")
            }
            let start = newline + 1
            guard bytes.endIndex >= start + size + 1 else { throw GitError.unexpectedOutput("truncated cat-file output") }
            commits.append(try CommitObject(id: id, raw: bytes[start..<start + size]))
            bytes = bytes[(start + size + 1)...]
        }
        return commits
    }

    /// Commits reachable from `tip` but not from any of `excluding` (refs or SHAs) nor from refs matching
    /// `excludingGlobs`, parents before children.
    ///
    /// - Parameter limit: the most commits to list; one more is listed so the caller can tell it was exceeded.
    package func newCommits(
        tip: CommitID, excluding: [String], excludingGlobs: [String], limit: Int, environment: [String: String] = [:]
    ) async throws -> [CommitID] {
        var arguments = ["rev-list", "--topo-order", "--reverse", "--max-count=\(limit + 1)", tip.hex, "--not"]
        arguments += excluding
        arguments += excludingGlobs.map { "--glob=\($0)" }
        let output = try await git.checked(arguments, in: path, environment: environment)
        // --max-count with --reverse keeps the newest N; the caller only needs to know the limit was passed.
        return output.lines.compactMap { CommitID(String($0)) }
    }

    /// Writes a commit with the given files on top of `parent` (or as a root commit), without a work tree.
    ///
    /// Used for project creation (the initial commit) and the demo project; users' commits arrive by push.
    package func commit(files: [String: [UInt8]], message: String, parent: CommitID?, identity: GitIdentity) async throws -> CommitID {
        var entries = ""
        for (name, content) in files.sorted(by: { $0.key < $1.key }) {
            precondition(!name.contains("/") && !name.contains("\t") && !name.contains("\n"), "flat file names only")
            let blob = try await git.checked(["hash-object", "-w", "--stdin"], in: path, input: content).text
            entries += "100644 blob \(blob)\t\(name)\n"
        }
        let tree = try await git.checked(["mktree"], in: path, input: Array(entries.utf8)).text
        var arguments = ["commit-tree", tree, "-m", message]
        if let parent { arguments += ["-p", parent.hex] }
        let output = try await git.checked(arguments, in: path, environment: identity.environment)
        guard let id = CommitID(output.text) else { throw GitError.unexpectedOutput("commit-tree printed \(output.text)") }
        return id
    }
}
