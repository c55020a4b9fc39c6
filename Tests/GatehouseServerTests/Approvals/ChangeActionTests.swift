import Foundation
import GatehouseGit
import GatehouseTesting
import NIOHTTP1
import Testing

/// Abandon, restore, topic, hashtags, reviewers and work in progress through the REST API.
@Suite(.timeLimit(.minutes(3))) struct ChangeActionTests {
    @Test("abandon and restore answer with the change, and with Gerrit's 409 reasons when not possible")
    func abandonRestore() async throws {
        let f = try await ReviewFixture.start()
        #expect(try await f.server.request(.POST, "/a/changes/demo~1/abandon", user: f.carol).status == 403)
        let abandoned = try await f.server.request(.POST, "/a/changes/demo~1/abandon", user: f.alice)  // no body, like python-gerrit-api
        #expect(abandoned.status == 200)
        #expect((try TestServer.gerritJSON(abandoned.body) as? [String: Any])?["status"] as? String == "ABANDONED")
        let again = try await f.server.request(.POST, "/a/changes/demo~1/abandon", user: f.alice, json: "{}")
        #expect(again.status == 409)
        #expect(again.body == "change is abandoned\n")
        #expect(try await f.review(f.bob, #"{"labels":{"Code-Review":2}}"#).status == 409)
        let restored = try await f.server.request(.POST, "/a/changes/demo~1/restore", user: f.bob, json: #"{"message":"Still useful"}"#)
        #expect(restored.status == 200)
        let twice = try await f.server.request(.POST, "/a/changes/demo~1/restore", user: f.bob)
        #expect(twice.status == 409)
        #expect(twice.body == "change is new\n")
        let messages = try #require(try await f.detail()["messages"] as? [[String: Any]]).compactMap { $0["message"] as? String }
        #expect(messages.suffix(2) == ["Abandoned", "Restored\n\nStill useful"])
        await f.stop()
    }

    @Test("topic, hashtags, reviewers and work in progress")
    func attributes() async throws {
        let f = try await ReviewFixture.start()
        #expect(try await f.server.request(.PUT, "/a/changes/demo~1/topic", user: f.alice, json: #"{"topic":"greetings"}"#).status == 200)
        #expect(try await f.server.request(.GET, "/changes/demo~1/topic").body == ")]}'\n\"greetings\"\n")
        #expect(try await f.server.request(.PUT, "/a/changes/demo~1/topic", user: f.carol, json: #"{"topic":"x"}"#).status == 403)
        #expect(try await f.server.request(.DELETE, "/a/changes/demo~1/topic", user: f.bob).status == 204)

        let tags = try await f.server.request(.POST, "/a/changes/demo~1/hashtags", user: f.alice, json: ##"{"add":["a","#b"],"remove":[]}"##)
        #expect(try TestServer.gerritJSON(tags.body) as? [String] == ["a", "b"])
        let fewer = try await f.server.request(.POST, "/a/changes/demo~1/hashtags", user: f.alice, json: #"{"remove":["a"]}"#)
        #expect(try TestServer.gerritJSON(fewer.body) as? [String] == ["b"])

        #expect(try await f.server.request(.POST, "/a/changes/demo~1/reviewers", user: f.carol, json: #"{"reviewer":"bob"}"#).status == 200)
        #expect(try await f.server.request(.POST, "/a/changes/demo~1/reviewers", user: f.carol, json: #"{"reviewer":"ci","state":"CC"}"#).status == 200)
        #expect(try await f.server.request(.POST, "/a/changes/demo~1/reviewers", user: f.carol, json: #"{"reviewer":"nobody"}"#).status == 400)
        let reviewers = try #require(try await f.detail()["reviewers"] as? [String: [[String: Any]]])
        #expect(reviewers["REVIEWER"]?.compactMap { $0["username"] as? String } == ["bob"])
        #expect(reviewers["CC"]?.compactMap { $0["username"] as? String } == ["ci"])
        #expect(try await f.server.request(.DELETE, "/a/changes/demo~1/reviewers/bob", user: f.carol).status == 403)
        #expect(try await f.server.request(.DELETE, "/a/changes/demo~1/reviewers/bob", user: f.bob).status == 204)

        #expect(try await f.server.request(.POST, "/a/changes/demo~1/wip", user: f.alice).status == 204)
        #expect(try await f.detail()["work_in_progress"] as? Bool == true)
        #expect(try await f.requirements()["No-Work-In-Progress"]?.status == "UNSATISFIED")
        #expect(try await f.server.request(.POST, "/a/changes/demo~1/ready", user: f.carol).status == 403)
        #expect(try await f.server.request(.POST, "/a/changes/demo~1/ready", user: f.alice).status == 204)
        #expect(try await f.detail()["work_in_progress"] == nil)
        await f.stop()
    }

    @Test("bad review input is refused with a reason and changes nothing")
    func badInput() async throws {
        let f = try await ReviewFixture.start()
        let cases: [(String, Int, String)] = [
            (#"{"labels":{"Code-Review":3}}"#, 400, "allowed: -2..+2"),
            (#"{"labels":{"Nope":1}}"#, 400, "not a configured label"),
            (#"{"labels":{"Code-Review":"x"}}"#, 400, "malformed JSON"),
            (#"{"message":"\#(String(repeating: "x", count: 70_000))"}"#, 400, "the limit is 65536"),
            ("{not json", 400, "malformed JSON"),
        ]
        for (body, status, reason) in cases {
            let response = try await f.review(f.bob, body)
            #expect(response.status == status, "\(body.prefix(60)) → \(response.status)")
            #expect(response.body.contains(reason), "\(response.body.prefix(200))")
        }
        #expect(try await f.server.request(.POST, "/a/changes/demo~99/revisions/current/review", user: f.bob, json: "{}").status == 404)
        #expect(try await f.server.request(.POST, "/a/changes/demo~1/revisions/7/review", user: f.bob, json: "{}").status == 404)
        #expect(try await f.server.request(.POST, "/changes/demo~1/revisions/current/review", json: #"{"labels":{"Code-Review":1}}"#).status == 401)
        let messages = try #require(try await f.detail()["messages"] as? [[String: Any]])
        #expect(messages.count == 1)  // only the upload
        await f.stop()
    }
}
