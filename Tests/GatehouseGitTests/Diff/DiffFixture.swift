import Foundation
import GatehouseCore
import GatehouseGit
import GatehouseTesting

/// A bare repository in its own test directory, with commits built from arbitrary paths and modes.
///
/// `BareRepository.commit(files:…)` writes flat files only; diff tests need nested directories, names with
/// spaces and newlines, executables and symlinks. A throwaway index (`GIT_INDEX_FILE`) takes any path.
struct DiffFixture {
    let directory: TestDirectory
    let repository: BareRepository

    init() async throws {
        directory = try TestDirectory("diff")
        repository = try await BareRepository.create(at: directory.file("p.git"), headBranch: try BranchName("main"), git: Git())
    }

    func remove() { directory.remove() }

    /// Commits exactly `files` (path → content) as the whole tree.
    ///
    /// - Parameters:
    ///   - modes: per-path modes other than `100644` (`100755`, `120000` for a symlink).
    ///   - time: author and committer time; a different time re-creates "the same" commit with a new id.
    func commit(
        _ files: [String: [UInt8]], message: String = "change\n", parents: [CommitID] = [], modes: [String: String] = [:],
        time: Int64 = 1_700_000_000
    ) async throws -> CommitID {
        let index = directory.file("index-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(atPath: index) }
        var arguments = ["update-index", "--add"]
        for (path, content) in files.sorted(by: { $0.key < $1.key }) {
            let blob = try await repository.git.checked(["hash-object", "-w", "--stdin"], in: repository.path, input: content).text
            arguments += ["--cacheinfo", "\(modes[path] ?? "100644"),\(blob),\(path)"]
        }
        let environment = ["GIT_INDEX_FILE": index]
        if !files.isEmpty { try await repository.git.checked(arguments, in: repository.path, environment: environment) }
        let tree = try await repository.git.checked(["write-tree"], in: repository.path, environment: environment).text
        let identity = GitIdentity(name: "A", email: "a@example.com", time: Timestamp(secondsSinceEpoch: time))
        let output = try await repository.git.checked(
            ["commit-tree", tree, "-m", message] + parents.flatMap { ["-p", $0.hex] }, in: repository.path, environment: identity.environment
        )
        guard let id = CommitID(output.text) else { throw TestSetupError("commit-tree printed \(output.text)") }
        return id
    }

    /// Commits text files given as strings.
    func commit(text files: [String: String], message: String = "change\n", parents: [CommitID] = [], time: Int64 = 1_700_000_000) async throws -> CommitID {
        try await commit(files.mapValues { Array($0.utf8) }, message: message, parents: parents, time: time)
    }

    /// The abbreviated blob name git prints in `index` header lines.
    func shortBlob(_ content: String) async throws -> String {
        String(try await repository.git.checked(["hash-object", "--stdin"], in: repository.path, input: Array(content.utf8)).text.prefix(7))
    }

    func object(_ id: CommitID) async throws -> CommitObject {
        try await repository.commits([id])[0]
    }

    /// `count` numbered lines, `line 1` to `line <count>`, each ending in a newline.
    static func numbered(_ count: Int, replacing replacements: [Int: String] = [:]) -> String {
        (1...count).map { "\(replacements[$0] ?? "line \($0)")\n" }.joined()
    }
}
