import GatehouseCore
import GatehouseGit
import Testing

@Suite struct FileContentTests {
    @Test("a file's exact bytes are returned; missing paths, directories and glob-like names are not")
    func content() async throws {
        // setup
        let fixture = try await DiffFixture()
        defer { fixture.remove() }
        let bytes: [UInt8] = [0x00, 0xFF, 0x0A, 0x41]
        let commit = try await fixture.commit(["dir/sub/data bin": bytes, "dir/ü.txt": Array("ü\n".utf8), "empty": []])

        // act
        let repository = fixture.repository

        // check
        #expect(try await repository.fileContent(at: commit, path: "dir/sub/data bin") == bytes)
        #expect(try await repository.fileContent(at: commit, path: "dir/ü.txt") == Array("ü\n".utf8))
        #expect(try await repository.fileContent(at: commit, path: "empty") == [])
        #expect(try await repository.fileContent(at: commit, path: "dir/sub") == nil)
        #expect(try await repository.fileContent(at: commit, path: "dir/*") == nil)
        #expect(try await repository.fileContent(at: commit, path: "dir/sub/missing") == nil)
        #expect(try await repository.fileContent(at: commit, path: "") == nil)
    }

    @Test("format-patch output is an mbox with the subject, the message and the diff")
    func formatPatch() async throws {
        // setup
        let fixture = try await DiffFixture()
        defer { fixture.remove() }
        let parent = try await fixture.commit(text: ["f.txt": "old\n"])
        let child = try await fixture.commit(text: ["f.txt": "new\n"], message: "Fix the thing\n\nBecause it was broken.\n", parents: [parent])

        // act
        let patch = String(decoding: try await fixture.repository.formatPatch(child), as: UTF8.self)

        // check
        #expect(patch.hasPrefix("From \(child.hex) Mon Sep 17 00:00:00 2001\nFrom: A <a@example.com>\n"))
        #expect(patch.contains("\nSubject: [PATCH] Fix the thing\n\nBecause it was broken.\n---\n"))
        #expect(patch.contains("\ndiff --git a/f.txt b/f.txt\n"))
        #expect(patch.contains("\n-old\n+new\n"))
    }

    @Test("a root commit's patch adds its files, and a merge commit has an empty patch")
    func rootAndMerge() async throws {
        // setup
        let fixture = try await DiffFixture()
        defer { fixture.remove() }
        let root = try await fixture.commit(text: ["f.txt": "first\n"], message: "Initial\n")
        let side = try await fixture.commit(text: ["g.txt": "side\n"], message: "Side\n")
        let merge = try await fixture.commit(text: ["f.txt": "first\n", "g.txt": "side\n"], message: "Merge\n", parents: [root, side])

        // act
        let rootPatch = String(decoding: try await fixture.repository.formatPatch(root), as: UTF8.self)
        let mergePatch = try await fixture.repository.formatPatch(merge)

        // check
        #expect(rootPatch.contains("Subject: [PATCH] Initial\n"))
        #expect(rootPatch.contains("\n+++ b/f.txt\n@@ -0,0 +1 @@\n+first\n"))
        #expect(mergePatch == [])
    }
}
