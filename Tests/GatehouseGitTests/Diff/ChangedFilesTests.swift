import GatehouseCore
import GatehouseGit
import Testing

@Suite struct ChangedFilesTests {
    @Test("a root commit lists every file as added against the empty tree")
    func rootCommit() async throws {
        // setup
        let fixture = try await DiffFixture()
        defer { fixture.remove() }
        let root = try await fixture.commit(text: ["a.txt": "one\ntwo\n", "dir/b.txt": "b\n"])

        // act
        let files = try await fixture.repository.changedFiles(from: nil, to: root)

        // check
        #expect(files == [
            ChangedFile(path: "a.txt", status: .added, linesInserted: 2, size: 8, sizeDelta: 8),
            ChangedFile(path: "dir/b.txt", status: .added, linesInserted: 1, size: 2, sizeDelta: 2),
        ])
    }

    @Test("added, modified, deleted and renamed files come with line counts and sizes, sorted by path")
    func everyStatus() async throws {
        // setup
        let fixture = try await DiffFixture()
        defer { fixture.remove() }
        let moved = DiffFixture.numbered(10)
        let parent = try await fixture.commit(text: [
            "keep.txt": "same\n", "mod.txt": "a\nb\nc\n", "gone.txt": "x\ny\n", "old/name.txt": moved,
        ])
        let child = try await fixture.commit(
            text: [
                "keep.txt": "same\n", "mod.txt": "a\nB\nc\nd\n", "new.txt": "fresh\n",
                "z/name.txt": DiffFixture.numbered(10, replacing: [10: "last"]),
            ],
            parents: [parent]
        )

        // act
        let files = try await fixture.repository.changedFiles(from: nil, to: child)

        // check
        #expect(files == [
            ChangedFile(path: "gone.txt", status: .deleted, linesDeleted: 2, size: 0, sizeDelta: -4),
            ChangedFile(path: "mod.txt", status: .modified, linesInserted: 2, linesDeleted: 1, size: 8, sizeDelta: 2),
            ChangedFile(path: "new.txt", status: .added, linesInserted: 1, size: 6, sizeDelta: 6),
            ChangedFile(
                path: "z/name.txt", oldPath: "old/name.txt", status: .renamed, linesInserted: 1, linesDeleted: 1, size: moved.utf8.count - 3,
                sizeDelta: -3
            ),
        ])
    }

    @Test("binary files are flagged, carry no line counts, and still report their sizes")
    func binary() async throws {
        // setup
        let fixture = try await DiffFixture()
        defer { fixture.remove() }
        let parent = try await fixture.commit(["image.png": [0x89, 0x50, 0x00, 0x01]])
        let child = try await fixture.commit(["image.png": [0x89, 0x50, 0x00, 0x01, 0x02, 0x03]], parents: [parent])

        // act
        let files = try await fixture.repository.changedFiles(from: nil, to: child)

        // check
        #expect(files == [ChangedFile(path: "image.png", status: .modified, isBinary: true, size: 6, sizeDelta: 2)])
    }

    @Test("paths with spaces, unicode, tabs and newlines come through unquoted")
    func unusualPaths() async throws {
        // setup
        let fixture = try await DiffFixture()
        defer { fixture.remove() }
        let names = ["dir with space/ü ñ.txt", "line\nbreak.txt", "tab\there.txt", "\"quoted\".txt"]
        let root = try await fixture.commit(text: Dictionary(uniqueKeysWithValues: names.map { ($0, "x\n") }))

        // act
        let files = try await fixture.repository.changedFiles(from: nil, to: root)

        // check
        #expect(files.map(\.path) == ["\"quoted\".txt", "dir with space/ü ñ.txt", "line\nbreak.txt", "tab\there.txt"])
        #expect(files.allSatisfy { $0.status == .added && $0.linesInserted == 1 && $0.size == 2 })
    }

    @Test("an explicit base is compared against instead of the first parent")
    func explicitBase() async throws {
        // setup
        let fixture = try await DiffFixture()
        defer { fixture.remove() }
        let first = try await fixture.commit(text: ["a.txt": "1\n"])
        let second = try await fixture.commit(text: ["a.txt": "1\n", "b.txt": "2\n"], parents: [first])
        let third = try await fixture.commit(text: ["a.txt": "1\n", "b.txt": "2\n", "c.txt": "3\n"], parents: [second])

        // act
        let files = try await fixture.repository.changedFiles(from: first, to: third)

        // check
        #expect(files.map(\.path) == ["b.txt", "c.txt"])
        #expect(try await fixture.repository.changedFiles(from: third, to: third) == [])
    }

    @Test("a mode change is a modification without lines, and a file over the text limit counts as binary")
    func modeAndSize() async throws {
        // setup
        let fixture = try await DiffFixture()
        defer { fixture.remove() }
        let big = [UInt8](repeating: 0x61, count: 4 << 20) + [0x0A, 0x62, 0x0A]
        let parent = try await fixture.commit(["run.sh": Array("echo\n".utf8), "big.txt": big])
        let child = try await fixture.commit(["run.sh": Array("echo\n".utf8), "big.txt": big + [0x63]], parents: [parent], modes: ["run.sh": "100755"])

        // act
        let files = try await fixture.repository.changedFiles(from: nil, to: child)

        // check
        #expect(files == [
            ChangedFile(path: "big.txt", status: .modified, isBinary: true, size: big.count + 1, sizeDelta: 1),
            ChangedFile(path: "run.sh", status: .modified, size: 5, sizeDelta: 0),
        ])
    }

    @Test("a commit the repository lacks is an error, not an empty list")
    func missingCommit() async throws {
        let fixture = try await DiffFixture()
        defer { fixture.remove() }
        _ = try await fixture.commit(text: ["a": "a\n"])
        await #expect(throws: GitError.self) {
            try await fixture.repository.changedFiles(from: nil, to: CommitID(String(repeating: "1", count: 40))!)
        }
    }
}
