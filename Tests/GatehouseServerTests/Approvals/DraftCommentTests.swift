import Foundation
import GatehouseTesting
import NIOHTTP1
import Testing

/// Gerrit's draft comments over REST: saved one at a time, seen by their author only, kept by a review unless it
/// says `drafts: PUBLISH`, then published in one message.
@Suite(.timeLimit(.minutes(2))) struct DraftCommentTests {
    @Test("drafts are private, checked when saved, kept by default and published together", arguments: TestBackend.available)
    func drafts(backend: TestBackend) async throws {
        let f = try await ReviewFixture.start(backend)
        defer { Task { await f.stop() } }
        let path = "/a/changes/demo~1/revisions/current/drafts"

        // act: two drafts, one refused for a line that does not exist
        let first = try await f.server.request(.PUT, path, user: f.bob, json: #"{"path":"hello.txt","line":1,"message":"Why hello?"}"#)
        #expect(first.status == 201)
        let draft = try #require(try TestServer.gerritJSON(first.body) as? [String: Any])
        #expect(draft["path"] as? String == "hello.txt" && draft["unresolved"] as? Bool == true)
        #expect(try await f.server.request(.PUT, path, user: f.bob, json: #"{"path":"hello.txt","line":2,"message":"And world?"}"#).status == 201)
        let outside = try await f.server.request(.PUT, path, user: f.bob, json: #"{"path":"hello.txt","line":99,"message":"x"}"#)
        #expect(outside.status == 400 && outside.body.contains("line 99"))
        #expect(try await f.server.request(.PUT, path, user: f.bob, json: #"{"path":"hello.txt","line":1}"#).status == 400)

        // check: private, and a plain review keeps them
        let mine = try #require(try TestServer.gerritJSON(try await f.server.request(.GET, path, user: f.bob).body) as? [String: [[String: Any]]])
        #expect(mine["hello.txt"]?.count == 2)
        #expect(try await f.server.request(.GET, path, user: f.carol).body == ")]}'\n{}\n")
        #expect(try await f.server.request(.GET, "/changes/demo~1/drafts").status == 401)
        let id = try #require(draft["id"] as? String)
        #expect(try await f.server.request(.DELETE, "\(path)/\(id)", user: f.carol).status == 404, "someone else's draft is invisible")
        #expect(try await f.review(f.bob, #"{"message":"Thinking"}"#).status == 200)
        #expect(!(try await f.server.request(.GET, "/changes/demo~1/comments").body.contains("Why hello?")))

        // publish: one discarded, the other published with the review's message
        #expect(try await f.server.request(.DELETE, "\(path)/\(id)", user: f.bob).status == 204)
        #expect(try await f.review(f.bob, #"{"message":"Done","drafts":"PUBLISH"}"#).status == 200)
        let comments = try await f.server.request(.GET, "/changes/demo~1/comments").body
        #expect(comments.contains("And world?") && !comments.contains("Why hello?"))
        #expect(try await f.server.request(.GET, path, user: f.bob).body == ")]}'\n{}\n")
        let messages = (try await f.detail()["messages"] as? [[String: Any]] ?? []).compactMap { $0["message"] as? String }
        #expect(messages.last == "Patch Set 1:\n\n(1 comment)\n\nDone")
        #expect(try await f.review(f.bob, #"{"drafts":"SOMETIMES"}"#).status == 400)
    }
}
