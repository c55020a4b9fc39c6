import GatehouseCore
import GatehouseGit
import GatehouseTesting
import Testing

@Suite struct BareRepositoryTests {
    @Test("commits are written without a work tree and refs move only when the old value matches")
    func compareAndSwap() async throws {
        // setup
        let directory = try TestDirectory("repo")
        defer { directory.remove() }
        let repository = try await BareRepository.create(at: directory.file("p.git"), headBranch: try BranchName("main"), git: Git())
        let identity = GitIdentity(name: "A", email: "a@example.com", time: Timestamp(secondsSinceEpoch: 1_700_000_000))
        let first = try await repository.commit(files: ["a.txt": Array("a\n".utf8)], message: "first\n", parent: nil, identity: identity)
        let second = try await repository.commit(files: ["a.txt": Array("b\n".utf8)], message: "second\n", parent: first, identity: identity)

        // act
        try await repository.update([RefUpdate(name: "refs/heads/main", new: first, expectedOld: .zero)])
        await #expect(throws: GitError.self) {
            try await repository.update([RefUpdate(name: "refs/heads/main", new: second, expectedOld: second)])
        }
        try await repository.update([RefUpdate(name: "refs/heads/main", new: second, expectedOld: first)])

        // check
        #expect(try await repository.resolve("refs/heads/main") == second)
        #expect(try await repository.headBranch() == BranchName("main"))
        let commits = try await repository.commits([second, first])
        #expect(commits.map(\.subject) == ["second", "first"])
        #expect(commits[0].parents == [first])
        #expect(try await repository.newCommits(tip: second, excluding: [first.hex], excludingGlobs: [], limit: 10) == [second])
        #expect(try await repository.resolve("refs/heads/nope") == nil)
    }
}
