import Foundation
import GatehouseGit
import GatehouseTesting
import NIOHTTP1
import Testing

/// Files, diffs, content, patch and commit of a patch set, in the shapes python-gerrit-api and gertty read.
@Suite(.timeLimit(.minutes(3))) struct RevisionEndpointTests {
    @Test("files list /COMMIT_MSG and the changed files; diff, content, patch and commit read the patch set")
    func endpoints() async throws {
        let f = try await ReviewFixture.start()
        try await f.work.checked(["mv", "hello.txt", "hello world.txt"])
        try await f.work.commit(GitWorkTree.message("Say hello", key: f.key), file: "hello world.txt", content: "hello\nworld\nagain\n", amend: true)
        #expect(try await f.work.push(f.server.url("demo", user: f.alice), "HEAD:refs/for/main").succeeded)

        let files = try #require(try TestServer.gerritJSON(try await f.server.request(.GET, "/changes/demo~1/revisions/current/files").body) as? [String: [String: Any]])
        #expect(Set(files.keys) == ["/COMMIT_MSG", "hello world.txt"])
        #expect(files["hello world.txt"]?["status"] as? String == "A")
        #expect(files["hello world.txt"]?["lines_inserted"] as? Int == 3)
        #expect(files["hello world.txt"]?["lines_deleted"] == nil)

        // python-gerrit-api encodes the space as '+'
        let diff = try #require(try TestServer.gerritJSON(try await f.server.request(.GET, "/changes/demo~1/revisions/current/files/hello+world.txt/diff").body) as? [String: Any])
        #expect(diff["change_type"] as? String == "ADDED")
        #expect((diff["content"] as? [[String: Any]])?.first?["b"] as? [String] == ["hello", "world", "again"])
        let againstPS1 = try #require(try TestServer.gerritJSON(
            try await f.server.request(.GET, "/changes/demo~1/revisions/2/files/hello%20world.txt/diff?base=1").body) as? [String: Any])
        #expect(againstPS1["change_type"] as? String != nil)

        let content = try await f.server.request(.GET, "/changes/demo~1/revisions/current/files/hello%20world.txt/content")
        #expect(content.headers.first(name: "X-FYI-Content-Encoding") == "base64")
        #expect(String(decoding: Data(base64Encoded: content.body) ?? Data(), as: UTF8.self) == "hello\nworld\nagain\n")

        let patch = try await f.server.request(.GET, "/changes/demo~1/revisions/current/patch")
        let mbox = String(decoding: Data(base64Encoded: patch.body) ?? Data(), as: UTF8.self)
        #expect(mbox.contains("Subject: [PATCH] Say hello"))
        #expect(mbox.contains("+again"))

        let commit = try #require(try TestServer.gerritJSON(try await f.server.request(.GET, "/changes/demo~1/revisions/current/commit").body) as? [String: Any])
        #expect(commit["subject"] as? String == "Say hello")
        #expect((commit["parents"] as? [[String: Any]])?.first?["subject"] as? String == "Start the demo project")

        let message = try await f.server.request(.GET, "/changes/demo~1/revisions/current/files/%2FCOMMIT_MSG/content")
        #expect(String(decoding: Data(base64Encoded: message.body) ?? Data(), as: UTF8.self).contains("Change-Id: \(f.key)"))
        #expect(try await f.server.request(.GET, "/changes/demo~1/revisions/current/files/missing.txt/diff").status == 404)
        #expect(try await f.server.request(.GET, "/changes/demo~1/revisions/9/files").status == 404)
        await f.stop()
    }
}
