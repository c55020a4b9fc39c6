import GatehouseCore
import GatehouseGit
import Testing

@Suite struct FileDiffTests {
    @Test("a whole-file diff covers every line of both sides exactly once, with git's header")
    func wholeFile() async throws {
        // setup
        let fixture = try await DiffFixture()
        defer { fixture.remove() }
        let old = DiffFixture.numbered(8)
        let new = DiffFixture.numbered(8, replacing: [2: "two", 7: "seven"]) + "line 9\n"
        let parent = try await fixture.commit(text: ["f.txt": old])
        let child = try await fixture.commit(text: ["f.txt": new], parents: [parent])

        // act
        let diff = try #require(try await fixture.repository.fileDiff(from: nil, to: child, path: "f.txt", context: nil))

        // check
        let (oldBlob, newBlob) = (try await fixture.shortBlob(old), try await fixture.shortBlob(new))
        #expect(diff.header == ["diff --git a/f.txt b/f.txt", "index \(oldBlob)..\(newBlob) 100644", "--- a/f.txt", "+++ b/f.txt"])
        #expect(diff.changeType == .modified)
        #expect(diff.metaA == FileDiff.Meta(name: "f.txt", contentType: "text/plain", lines: 8))
        #expect(diff.metaB == FileDiff.Meta(name: "f.txt", contentType: "text/plain", lines: 9))
        #expect(diff.content == [
            .common(["line 1"]), .edit(a: ["line 2"], b: ["two"]), .common(["line 3", "line 4", "line 5", "line 6"]),
            .edit(a: ["line 7"], b: ["seven"]), .common(["line 8"]), .edit(a: [], b: ["line 9"]),
        ])
        #expect(Self.side(\.a, of: diff) == old.split(separator: "\n").map(String.init))
        #expect(Self.side(\.b, of: diff) == new.split(separator: "\n").map(String.init))
        #expect(!diff.isBinary)
    }

    @Test("with context 3, three common lines stay around each edit and the rest are counted as skipped")
    func limitedContext() async throws {
        // setup
        let fixture = try await DiffFixture()
        defer { fixture.remove() }
        let parent = try await fixture.commit(text: ["f.txt": DiffFixture.numbered(30)])
        let child = try await fixture.commit(text: ["f.txt": DiffFixture.numbered(30, replacing: [10: "ten", 14: "fourteen"])], parents: [parent])

        // act
        let diff = try #require(try await fixture.repository.fileDiff(from: nil, to: child, path: "f.txt", context: 3))
        let none = try #require(try await fixture.repository.fileDiff(from: nil, to: child, path: "f.txt", context: 0))

        // check
        #expect(diff.content == [
            .skipped(6), .common(["line 7", "line 8", "line 9"]), .edit(a: ["line 10"], b: ["ten"]),
            .common(["line 11", "line 12", "line 13"]), .edit(a: ["line 14"], b: ["fourteen"]),
            .common(["line 15", "line 16", "line 17"]), .skipped(13),
        ])
        #expect(none.content == [
            .skipped(9), .edit(a: ["line 10"], b: ["ten"]), .skipped(3), .edit(a: ["line 14"], b: ["fourteen"]), .skipped(16),
        ])
        #expect(diff.metaA?.lines == 30 && diff.metaB?.lines == 30)
    }

    @Test("an added file has only side B, a deleted file only side A")
    func addedAndDeleted() async throws {
        // setup
        let fixture = try await DiffFixture()
        defer { fixture.remove() }
        let parent = try await fixture.commit(text: ["old.txt": "bye\n"])
        let child = try await fixture.commit(text: ["new.txt": "hi\nthere\n"], parents: [parent])

        // act
        let added = try #require(try await fixture.repository.fileDiff(from: nil, to: child, path: "new.txt", context: nil))
        let deleted = try #require(try await fixture.repository.fileDiff(from: nil, to: child, path: "old.txt", context: nil))

        // check
        #expect(added.changeType == .added)
        #expect(added.metaA == nil)
        #expect(added.metaB == FileDiff.Meta(name: "new.txt", contentType: "text/plain", lines: 2))
        #expect(added.content == [.edit(a: [], b: ["hi", "there"])])
        #expect(added.header == ["diff --git a/new.txt b/new.txt", "new file mode 100644", "index 0000000..\(try await fixture.shortBlob("hi\nthere\n"))", "--- /dev/null", "+++ b/new.txt"])
        #expect(deleted.changeType == .deleted)
        #expect(deleted.metaA == FileDiff.Meta(name: "old.txt", contentType: "text/plain", lines: 1))
        #expect(deleted.metaB == nil)
        #expect(deleted.content == [.edit(a: ["bye"], b: [])])
    }

    @Test("a renamed file is diffed against its old path; its old name alone shows as deleted")
    func renamed() async throws {
        // setup
        let fixture = try await DiffFixture()
        defer { fixture.remove() }
        let parent = try await fixture.commit(text: ["src/old.txt": DiffFixture.numbered(6)])
        let child = try await fixture.commit(text: ["lib/new.txt": DiffFixture.numbered(6, replacing: [6: "six"])], parents: [parent])

        // act
        let diff = try #require(try await fixture.repository.fileDiff(from: nil, to: child, path: "lib/new.txt", context: nil))
        let oldName = try #require(try await fixture.repository.fileDiff(from: nil, to: child, path: "src/old.txt", context: nil))

        // check
        #expect(diff.changeType == .renamed)
        #expect(diff.metaA?.name == "src/old.txt" && diff.metaB?.name == "lib/new.txt")
        #expect(Array(diff.header.prefix(4)) == ["diff --git a/src/old.txt b/lib/new.txt", "similarity index 83%", "rename from src/old.txt", "rename to lib/new.txt"])
        #expect(diff.content == [.common(["line 1", "line 2", "line 3", "line 4", "line 5"]), .edit(a: ["line 6"], b: ["six"])])
        #expect(oldName.changeType == .deleted)
        #expect(oldName.metaB == nil)
        #expect(oldName.content == [.edit(a: (1...6).map { "line \($0)" }, b: [])])
    }

    @Test("a pure rename and a mode change show the whole file as common lines")
    func noContentChange() async throws {
        // setup
        let fixture = try await DiffFixture()
        defer { fixture.remove() }
        let content = Array("a\nb\n".utf8)
        let parent = try await fixture.commit(["a.txt": content, "run.sh": content])
        let child = try await fixture.commit(["b.txt": content, "run.sh": content], parents: [parent], modes: ["run.sh": "100755"])

        // act
        let rename = try #require(try await fixture.repository.fileDiff(from: nil, to: child, path: "b.txt", context: nil))
        let mode = try #require(try await fixture.repository.fileDiff(from: nil, to: child, path: "run.sh", context: nil))

        // check
        #expect(rename.changeType == .renamed)
        #expect(rename.header == ["diff --git a/a.txt b/b.txt", "similarity index 100%", "rename from a.txt", "rename to b.txt"])
        #expect(rename.content == [.common(["a", "b"])])
        #expect(mode.changeType == .modified)
        #expect(mode.header == ["diff --git a/run.sh b/run.sh", "old mode 100644", "new mode 100755"])
        #expect(mode.content == [.common(["a", "b"])])
        #expect(mode.metaA?.lines == 2 && mode.metaB?.lines == 2)
    }

    @Test("an unchanged file shows every line as common, and a path on neither side is nil")
    func unchangedAndMissing() async throws {
        // setup
        let fixture = try await DiffFixture()
        defer { fixture.remove() }
        let parent = try await fixture.commit(text: ["same.txt": DiffFixture.numbered(5), "other.txt": "1\n"])
        let child = try await fixture.commit(text: ["same.txt": DiffFixture.numbered(5), "other.txt": "2\n"], parents: [parent])

        // act
        let same = try #require(try await fixture.repository.fileDiff(from: nil, to: child, path: "same.txt", context: nil))
        let skipped = try #require(try await fixture.repository.fileDiff(from: nil, to: child, path: "same.txt", context: 3))

        // check
        #expect(same.changeType == .modified)
        #expect(same.header == [])
        #expect(same.content == [.common((1...5).map { "line \($0)" })])
        #expect(skipped.content == [.skipped(5)])
        #expect(try await fixture.repository.fileDiff(from: nil, to: child, path: "nope.txt", context: nil) == nil)
        #expect(try await fixture.repository.fileDiff(from: nil, to: child, path: "", context: nil) == nil)
    }

    @Test("a binary file has no content, zero lines and a content type guessed from its extension")
    func binary() async throws {
        // setup
        let fixture = try await DiffFixture()
        defer { fixture.remove() }
        let parent = try await fixture.commit(["pic.png": [0x89, 0x00, 0x01], "blob.bin": [0x00]])
        let child = try await fixture.commit(["pic.png": [0x89, 0x00, 0x02], "blob.bin": [0x00, 0x00]], parents: [parent])

        // act
        let png = try #require(try await fixture.repository.fileDiff(from: nil, to: child, path: "pic.png", context: nil))
        let bin = try #require(try await fixture.repository.fileDiff(from: nil, to: child, path: "blob.bin", context: 3))

        // check
        #expect(png.isBinary && bin.isBinary)
        #expect(png.content == [] && bin.content == [])
        #expect(png.metaA == FileDiff.Meta(name: "pic.png", contentType: "image/png", lines: 0))
        #expect(bin.metaB == FileDiff.Meta(name: "blob.bin", contentType: "application/octet-stream", lines: 0))
        #expect(png.header.last == "Binary files a/pic.png and b/pic.png differ")
    }

    @Test("a missing newline at the end of the file is not a line of its own")
    func noNewlineAtEnd() async throws {
        // setup
        let fixture = try await DiffFixture()
        defer { fixture.remove() }
        let parent = try await fixture.commit(text: ["f.txt": "a\nb"])
        let child = try await fixture.commit(text: ["f.txt": "a\nb\nc"], parents: [parent])

        // act
        let diff = try #require(try await fixture.repository.fileDiff(from: nil, to: child, path: "f.txt", context: nil))

        // check
        #expect(diff.content == [.common(["a"]), .edit(a: ["b"], b: ["b", "c"])])
        #expect(diff.metaA?.lines == 2 && diff.metaB?.lines == 3)
    }

    @Test("lines that are not UTF-8 are decoded with replacement characters instead of failing")
    func invalidUTF8() async throws {
        // setup
        let fixture = try await DiffFixture()
        defer { fixture.remove() }
        let parent = try await fixture.commit(["latin1.txt": [0x63, 0x61, 0x66, 0xE9, 0x0A]])
        let child = try await fixture.commit(["latin1.txt": [0x63, 0x61, 0x66, 0xE9, 0x21, 0x0A]], parents: [parent])

        // act
        let diff = try #require(try await fixture.repository.fileDiff(from: nil, to: child, path: "latin1.txt", context: nil))

        // check
        #expect(diff.content == [.edit(a: ["caf\u{FFFD}"], b: ["caf\u{FFFD}!"])])
    }

    @Test("a nested path with spaces and unicode is found, and a root commit diffs against the empty tree")
    func unusualPathInRootCommit() async throws {
        // setup
        let fixture = try await DiffFixture()
        defer { fixture.remove() }
        let path = "dir é/sub dir/naïve file.txt"
        let root = try await fixture.commit(text: [path: "x\n", "line\nbreak.txt": "y\n"])

        // act
        let diff = try #require(try await fixture.repository.fileDiff(from: nil, to: root, path: path, context: nil))
        let newline = try #require(try await fixture.repository.fileDiff(from: nil, to: root, path: "line\nbreak.txt", context: nil))

        // check
        #expect(diff.changeType == .added)
        #expect(diff.header == [
            "diff --git a/\(path) b/\(path)", "new file mode 100644", "index 0000000..\(try await fixture.shortBlob("x\n"))", "--- /dev/null",
            "+++ b/\(path)\t",
        ])
        #expect(diff.content == [.edit(a: [], b: ["x"])])
        #expect(newline.header.first == #"diff --git "a/line\nbreak.txt" "b/line\nbreak.txt""#)
        #expect(newline.content == [.edit(a: [], b: ["y"])])
        #expect(try await fixture.repository.fileDiff(from: nil, to: root, path: "absent", context: nil) == nil)
    }

    @Test("text larger than the limit is reported as binary instead of being buffered")
    func oversized() async throws {
        // setup
        let fixture = try await DiffFixture()
        defer { fixture.remove() }
        let big = Array(String(repeating: "0123456789abcde\n", count: (4 << 20) / 16 + 1).utf8)
        let parent = try await fixture.commit(["big.txt": big])
        let child = try await fixture.commit(["big.txt": big + Array("more\n".utf8)], parents: [parent])

        // act
        let diff = try #require(try await fixture.repository.fileDiff(from: nil, to: child, path: "big.txt", context: nil))

        // check
        #expect(diff.isBinary)
        #expect(diff.content == [])
        #expect(diff.metaB == FileDiff.Meta(name: "big.txt", contentType: "application/octet-stream", lines: 0))
    }

    @Test("a file turned into a symlink is one modification, and an explicit base is diffed against")
    func typeChangeAndBase() async throws {
        // setup
        let fixture = try await DiffFixture()
        defer { fixture.remove() }
        let first = try await fixture.commit(text: ["link": "a\n", "f.txt": "1\n"])
        let second = try await fixture.commit(["link": Array("target".utf8), "f.txt": Array("2\n".utf8)], parents: [first], modes: ["link": "120000"])
        let third = try await fixture.commit(["link": Array("target".utf8), "f.txt": Array("3\n".utf8)], parents: [second], modes: ["link": "120000"])

        // act
        let link = try #require(try await fixture.repository.fileDiff(from: nil, to: second, path: "link", context: nil))
        let files = try await fixture.repository.changedFiles(from: nil, to: second)
        let fromFirst = try #require(try await fixture.repository.fileDiff(from: first, to: third, path: "f.txt", context: nil))

        // check
        #expect(link.changeType == .modified)
        #expect(link.content == [.edit(a: ["a"], b: ["target"])])
        #expect(link.header.filter { $0.hasPrefix("diff --git") }.count == 2)
        #expect(files.first { $0.path == "link" }?.status == .modified)
        #expect(fromFirst.content == [.edit(a: ["1"], b: ["3"])])
    }

    /// One side of the file rebuilt from the chunks: common lines plus that side's edit lines, in order.
    private static func side(_ edits: KeyPath<FileDiff.Chunk, [String]?>, of diff: FileDiff) -> [String] {
        var lines: [String] = []
        for chunk in diff.content {
            lines += chunk.ab ?? []
            lines += chunk[keyPath: edits] ?? []
        }
        return lines
    }
}
