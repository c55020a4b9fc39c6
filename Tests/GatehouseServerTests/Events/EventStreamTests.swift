import Foundation
import GatehouseGit
import GatehouseTesting
import NIOHTTP1
import Testing

/// `GET /a/events` followed by a real SSE client while people push, review and change things.
@Suite struct EventStreamTests {
    @Test("a bot sees each review action as Gerrit's stream-events JSON, with string approval values", arguments: TestBackend.available)
    func reviewConversation(backend: TestBackend) async throws {
        let fixture = try await ReviewFixture.start(backend)
        defer { Task { await fixture.stop() } }
        let server = fixture.server
        // Replay from the start: the push of change 1 happened before the bot connected.
        let stream = try await EventStreamClient.connect(server.baseURL + "/a/events?since=0", user: fixture.carol)
        defer { stream.close() }
        #expect(stream.status == 200)

        let created = try #require(await stream.next(ofType: "patchset-created"))
        let json = created.json
        #expect(created.id == json["seq"] as? Int)
        #expect(json["project"] as? String == "demo")
        #expect(json["refName"] as? String == "refs/heads/main")
        #expect((json["changeKey"] as? [String: Any])?["id"] as? String == fixture.key)
        #expect((json["eventCreatedOn"] as? Int ?? 0) > 1_600_000_000)
        let change = try #require(json["change"] as? [String: Any])
        #expect(change["number"] as? Int == 1)
        #expect(change["id"] as? String == fixture.key)
        #expect(change["subject"] as? String == "Say hello")
        #expect(change["status"] as? String == "NEW")
        #expect(change["url"] as? String == "\(server.baseURL)/c/demo/+/1")
        #expect((change["owner"] as? [String: Any])?["username"] as? String == "alice")
        #expect((change["commitMessage"] as? String)?.contains("Change-Id: \(fixture.key)") == true)
        let patchSet = try #require(json["patchSet"] as? [String: Any])
        #expect(patchSet["number"] as? Int == 1)
        #expect(patchSet["ref"] as? String == "refs/changes/01/1/1")
        #expect((patchSet["revision"] as? String)?.count == 40)
        #expect((patchSet["parents"] as? [String])?.count == 1)
        #expect(patchSet["kind"] as? String == "REWORK")
        #expect((json["uploader"] as? [String: Any])?["username"] as? String == "alice")

        // A vote: the approval's value and old value are strings.
        #expect(try await fixture.review(fixture.bob, #"{"labels":{"Code-Review":2},"message":"Nice"}"#).status == 200)
        let vote = try #require(await stream.next(ofType: "comment-added")).json
        #expect((vote["author"] as? [String: Any])?["username"] as? String == "bob")
        #expect((vote["comment"] as? String)?.hasPrefix("Patch Set 1: Code-Review+2") == true)
        #expect((vote["comment"] as? String)?.hasSuffix("Nice") == true)
        let approvals = try #require(vote["approvals"] as? [[String: Any]])
        #expect(approvals.count == 1)
        #expect(approvals.first?["type"] as? String == "Code-Review")
        #expect(approvals.first?["value"] as? String == "2")
        #expect(approvals.first?["oldValue"] as? String == "0")

        // A comment without a vote change still reports the vote, without oldValue.
        #expect(try await fixture.review(fixture.bob, #"{"message":"Still good"}"#).status == 200)
        let comment = try #require(await stream.next(ofType: "comment-added")).json
        let unchanged = try #require((comment["approvals"] as? [[String: Any]])?.first)
        #expect(unchanged["value"] as? String == "2")
        #expect(unchanged["oldValue"] == nil)

        #expect(try await server.request(.PUT, "/a/changes/1/topic", user: fixture.alice, json: #"{"topic":"greeting"}"#).status == 200)
        let topic = try #require(await stream.next(ofType: "topic-changed")).json
        #expect((topic["change"] as? [String: Any])?["topic"] as? String == "greeting")
        #expect((topic["changer"] as? [String: Any])?["username"] as? String == "alice")

        #expect(try await server.request(.POST, "/a/changes/1/abandon", user: fixture.alice, json: #"{"message":"Not now"}"#).status == 200)
        let abandoned = try #require(await stream.next(ofType: "change-abandoned")).json
        #expect((abandoned["change"] as? [String: Any])?["status"] as? String == "ABANDONED")
        #expect((abandoned["abandoner"] as? [String: Any])?["username"] as? String == "alice")
        #expect(abandoned["reason"] as? String == "Not now")

        #expect(try await server.request(.POST, "/a/changes/1/restore", user: fixture.alice).status == 200)
        let restored = try #require(await stream.next(ofType: "change-restored")).json
        #expect((restored["change"] as? [String: Any])?["status"] as? String == "NEW")

        try await fixture.pushNewPatchSet(content: "hello\nthere\n")
        let second = try #require(await stream.next(ofType: "patchset-created")).json
        #expect((second["patchSet"] as? [String: Any])?["number"] as? Int == 2)
        #expect((second["patchSet"] as? [String: Any])?["ref"] as? String == "refs/changes/01/1/2")
    }

    @Test("Last-Event-ID resumes right after the named event; a refused write leaves no event")
    func resumeAndRollback() async throws {
        let fixture = try await ReviewFixture.start()
        defer { Task { await fixture.stop() } }
        let server = fixture.server
        #expect(try await fixture.review(fixture.bob, #"{"labels":{"Code-Review":1}}"#).status == 200)
        // Out of range: refused, and nothing is emitted for it.
        #expect(try await fixture.review(fixture.carol, #"{"labels":{"Code-Review":2}}"#).status == 403)
        #expect(try await fixture.review(fixture.bob, #"{"labels":{"Code-Review":9}}"#).status == 400)
        #expect(try await fixture.review(fixture.bob, #"{"labels":{"Code-Review":2}}"#).status == 200)

        let all = try await EventStreamClient.connect(server.baseURL + "/a/events?since=0", user: fixture.bob)
        defer { all.close() }
        var seen: [EventStreamClient.Message] = []
        while seen.count < 3, let message = await all.next(timeout: .seconds(10)) { seen.append(message) }
        #expect(seen.map(\.type) == ["patchset-created", "comment-added", "comment-added"])
        #expect(seen.compactMap(\.id) == [1, 2, 3])
        let values = seen.dropFirst().map { (($0.json["approvals"] as? [[String: Any]])?.first?["value"] as? String) }
        #expect(values == ["1", "2"])

        let resumed = try await EventStreamClient.connect(server.baseURL + "/a/events", user: fixture.bob, headers: [("Last-Event-ID", "2")])
        defer { resumed.close() }
        #expect(await resumed.next(timeout: .seconds(10))?.id == 3)

        // Without a starting point the stream is live only: the next event is the next one written.
        let live = try await EventStreamClient.connect(server.baseURL + "/a/events", user: fixture.bob)
        defer { live.close() }
        #expect(try await server.request(.PUT, "/a/changes/1/topic", user: fixture.alice, json: #"{"topic":"t"}"#).status == 200)
        let next = await live.next(timeout: .seconds(10))
        #expect(next?.type == "topic-changed")
        #expect(next?.id == 4)

        let bad = try await server.request(.GET, "/a/events?since=minus", user: fixture.bob)
        #expect(bad.status == 400)
        #expect(bad.body.contains("not an event sequence number"))
        #expect(try await server.request(.GET, "/a/events").status == 401)
    }

    @Test("anonymous readers of /events never see events of private projects")
    func privateProjectsHidden() async throws {
        let fixture = try await ReviewFixture.start()
        defer { Task { await fixture.stop() } }
        let server = fixture.server
        try await server.createProject("secret", extra: #","private":true"#)
        let work = try await GitWorkTree.clone(server.url("secret", user: fixture.alice), in: fixture.directory, name: "secret")
        try await work.commit(GitWorkTree.message("Hidden", key: GitWorkTree.newChangeKey()), file: "h.txt", content: "h\n")
        #expect(try await work.push(server.url("secret", user: fixture.alice), "HEAD:refs/for/main").succeeded)
        #expect(try await fixture.review(fixture.bob, #"{"message":"public note"}"#).status == 200)

        let anonymous = try await EventStreamClient.connect(server.baseURL + "/events?since=0", user: nil)
        defer { anonymous.close() }
        var projects: [String] = []
        while let message = await anonymous.next(timeout: .seconds(5)) {
            projects.append(message.json["project"] as? String ?? "?")
            if message.type == "comment-added" { break }
        }
        #expect(projects == ["demo", "demo"])

        let signedIn = try await EventStreamClient.connect(server.baseURL + "/a/events?since=0", user: fixture.carol)
        defer { signedIn.close() }
        var all: [String] = []
        while all.count < 3, let message = await signedIn.next(timeout: .seconds(5)) { all.append(message.json["project"] as? String ?? "?") }
        #expect(all == ["demo", "secret", "demo"])
    }
    @Test("a replay larger than one write arrives whole and in order")
    func largeReplay() async throws {
        let fixture = try await ReviewFixture.start()
        defer { Task { await fixture.stop() } }
        // 80 reviews with 1 KiB messages: each event's JSON is over 1 KiB, so the replay spans several writes.
        for index in 0..<80 {
            let message = "m\(index)-" + String(repeating: "x", count: 1_000)
            #expect(try await fixture.review(fixture.bob, #"{"message":"\#(message)"}"#).status == 200)
        }
        let stream = try await EventStreamClient.connect(fixture.server.baseURL + "/a/events?since=0", user: fixture.carol)
        defer { stream.close() }
        var seen: [Int] = []
        while seen.count < 80, let message = await stream.next(ofType: "comment-added") {
            let comment = message.json["comment"] as? String ?? ""
            let text = comment.components(separatedBy: "\n\n").last ?? ""
            seen.append(Int(text.dropFirst().prefix { $0 != "-" }) ?? -1)
        }
        #expect(seen == Array(0..<80))
    }
}
