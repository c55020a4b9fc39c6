import GatehouseCore
import GatehouseGit
import Testing

@Suite struct PatchSetKindTests {
    @Test("the same commit re-created with another committer date is no change")
    func noChange() async throws {
        let fixture = try await DiffFixture()
        defer { fixture.remove() }
        let base = try await fixture.commit(text: ["a.txt": "a\n"])
        let first = try await fixture.commit(text: ["a.txt": "b\n"], message: "Change\n", parents: [base])
        let again = try await fixture.commit(text: ["a.txt": "b\n"], message: "Change\n", parents: [base], time: 1_700_000_500)
        #expect(first != again)
        #expect(try await kind(fixture, first, again) == .noChange)
    }

    @Test("amending only the message is no code change")
    func noCodeChange() async throws {
        let fixture = try await DiffFixture()
        defer { fixture.remove() }
        let base = try await fixture.commit(text: ["a.txt": "a\n"])
        let first = try await fixture.commit(text: ["a.txt": "b\n"], message: "Change\n", parents: [base])
        let amended = try await fixture.commit(text: ["a.txt": "b\n"], message: "Change, better worded\n", parents: [base])
        #expect(try await kind(fixture, first, amended) == .noCodeChange)
    }

    @Test("the same diff rebased onto a new parent is a trivial rebase, unless the message changed too")
    func trivialRebase() async throws {
        // setup
        let fixture = try await DiffFixture()
        defer { fixture.remove() }
        let base = try await fixture.commit(text: ["a.txt": DiffFixture.numbered(10), "b.txt": "b\n"])
        let moved = try await fixture.commit(text: ["a.txt": DiffFixture.numbered(10), "b.txt": "B\n"], parents: [base])
        let first = try await fixture.commit(text: ["a.txt": DiffFixture.numbered(10, replacing: [5: "five"]), "b.txt": "b\n"], message: "Change\n", parents: [base])
        let rebased = try await fixture.commit(
            text: ["a.txt": DiffFixture.numbered(10, replacing: [5: "five"]), "b.txt": "B\n"], message: "Change\n", parents: [moved]
        )
        let reworded = try await fixture.commit(
            text: ["a.txt": DiffFixture.numbered(10, replacing: [5: "five"]), "b.txt": "B\n"], message: "Reworded\n", parents: [moved]
        )

        // act / check
        #expect(try await kind(fixture, first, rebased) == .trivialRebase)
        #expect(try await kind(fixture, first, reworded) == .rework)
    }

    @Test("a different change to the code is rework, on the same parent or a new one")
    func rework() async throws {
        // setup
        let fixture = try await DiffFixture()
        defer { fixture.remove() }
        let base = try await fixture.commit(text: ["a.txt": "a\n"])
        let moved = try await fixture.commit(text: ["a.txt": "a\n", "other.txt": "o\n"], parents: [base])
        let first = try await fixture.commit(text: ["a.txt": "b\n"], message: "Change\n", parents: [base])
        let reworked = try await fixture.commit(text: ["a.txt": "c\n"], message: "Change\n", parents: [base])
        let rebasedAndReworked = try await fixture.commit(text: ["a.txt": "c\n", "other.txt": "o\n"], message: "Change\n", parents: [moved])

        // act / check
        #expect(try await kind(fixture, first, reworked) == .rework)
        #expect(try await kind(fixture, first, rebasedAndReworked) == .rework)
    }

    @Test("a binary file changed differently on a new parent is rework, not a trivial rebase")
    func binaryRebase() async throws {
        let fixture = try await DiffFixture()
        defer { fixture.remove() }
        let base = try await fixture.commit(["bin": [0x00, 0x01], "x.txt": Array("x\n".utf8)])
        let moved = try await fixture.commit(["bin": [0x00, 0x01], "x.txt": Array("y\n".utf8)], parents: [base])
        let first = try await fixture.commit(["bin": [0x00, 0x02], "x.txt": Array("x\n".utf8)], message: "Bin\n", parents: [base])
        let same = try await fixture.commit(["bin": [0x00, 0x02], "x.txt": Array("y\n".utf8)], message: "Bin\n", parents: [moved])
        let other = try await fixture.commit(["bin": [0x00, 0x03], "x.txt": Array("y\n".utf8)], message: "Bin\n", parents: [moved])
        #expect(try await kind(fixture, first, same) == .trivialRebase)
        #expect(try await kind(fixture, first, other) == .rework)
    }

    @Test("merges are no change or no code change when tree and parents match, and rework otherwise")
    func merges() async throws {
        // setup
        let fixture = try await DiffFixture()
        defer { fixture.remove() }
        let main = try await fixture.commit(text: ["a.txt": "a\n"])
        let side = try await fixture.commit(text: ["b.txt": "b\n"])
        let newMain = try await fixture.commit(text: ["a.txt": "A\n"], parents: [main])
        let merge = try await fixture.commit(text: ["a.txt": "a\n", "b.txt": "b\n"], message: "Merge\n", parents: [main, side])
        let redone = try await fixture.commit(text: ["a.txt": "a\n", "b.txt": "b\n"], message: "Merge\n", parents: [main, side], time: 1_700_000_900)
        let reworded = try await fixture.commit(text: ["a.txt": "a\n", "b.txt": "b\n"], message: "Merge side\n", parents: [main, side])
        let updated = try await fixture.commit(text: ["a.txt": "A\n", "b.txt": "b\n"], message: "Merge\n", parents: [newMain, side])

        // act / check
        #expect(try await kind(fixture, merge, redone) == .noChange)
        #expect(try await kind(fixture, merge, reworded) == .noCodeChange)
        #expect(try await kind(fixture, merge, updated) == .rework)
    }

    @Test("a root commit replaced by another root commit is rework")
    func rootCommits() async throws {
        let fixture = try await DiffFixture()
        defer { fixture.remove() }
        let first = try await fixture.commit(text: ["a.txt": "a\n"], message: "Root\n")
        let second = try await fixture.commit(text: ["a.txt": "b\n"], message: "Root\n")
        #expect(try await kind(fixture, first, second) == .rework)
    }

    private func kind(_ fixture: DiffFixture, _ previous: CommitID, _ current: CommitID) async throws -> PatchSetKind {
        try await fixture.repository.patchSetKind(previous: try await fixture.object(previous), current: try await fixture.object(current))
    }
}
