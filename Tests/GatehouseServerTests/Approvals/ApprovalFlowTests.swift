import Foundation
import GatehouseCore
import GatehouseGit
import GatehouseServer
import GatehouseStore
import GatehouseTesting
import NIOHTTP1
import Testing

/// Formal approvals end to end: who may vote what, what the requirements say, what a new patch set keeps.
@Suite(.timeLimit(.minutes(5))) struct ApprovalFlowTests {
    @Test("a change becomes submittable with Code-Review +2, Verified +1 and Workflow +1, and says what is missing until then", arguments: TestBackend.available)
    func approvals(backend: TestBackend) async throws {
        let f = try await ReviewFixture.start(backend)

        var requirements = try await f.requirements()
        #expect(requirements["Code-Review"]?.status == "UNSATISFIED")
        #expect(requirements["Code-Review"]?.description == "needs 1 more Code-Review +2 from demo-core")
        #expect(requirements["Verified"]?.description == "needs Verified +1 from Service Users")
        #expect(requirements["Workflow"]?.description == "needs Workflow +1 from demo-core")

        // carol may say +1 but not +2; the refused review changes nothing
        #expect(try await f.review(f.carol, #"{"labels":{"Code-Review":1}}"#).status == 200)
        let restricted = try await f.review(f.carol, #"{"labels":{"Code-Review":2},"message":"ship it"}"#)
        #expect(restricted.status == 403)
        #expect(restricted.body.contains(#"Applying label "Code-Review": +2 is restricted"#))
        #expect(try await f.review(f.alice, #"{"labels":{"Verified":1}}"#).status == 403)

        let early = try await f.server.request(.POST, "/a/changes/demo~1/submit", user: f.bob)
        #expect(early.status == 409)
        #expect(early.body.contains("needs 1 more Code-Review +2 from demo-core"))

        // the core reviewer, the CI account and the approval
        let result = try await f.review(f.bob, #"{"labels":{"Code-Review":2,"Workflow":1},"message":"Looks good","strict_labels":true}"#)
        #expect(result.status == 200)
        #expect((try TestServer.gerritJSON(result.body) as? [String: Any])?["labels"] as? [String: Int] == ["Code-Review": 2, "Workflow": 1])
        #expect(try await f.review(f.ci, #"{"labels":{"Verified":1}}"#).status == 200)

        requirements = try await f.requirements()
        #expect(requirements["Code-Review"]?.status == "SATISFIED")
        #expect(requirements["Code-Review"]?.description == "Code-Review +2 from bob")
        #expect(requirements["Verified"]?.description == "Verified +1 from ci")
        #expect(requirements["Workflow"]?.description == "approved: Workflow +1 from bob")
        let detail = try await f.detail()
        #expect(detail["submittable"] as? Bool == true)
        let labels = try #require(detail["labels"] as? [String: [String: Any]])
        #expect((labels["Code-Review"]?["approved"] as? [String: Any])?["username"] as? String == "bob")
        #expect((labels["Code-Review"]?["values"] as? [String: String])?[" 0"] == "No score")
        let all = try #require(labels["Code-Review"]?["all"] as? [[String: Any]])
        #expect(Set(all.compactMap { "\($0["username"] ?? "")=\($0["value"] ?? "")" }) == ["bob=2", "carol=1", "ci=0"])
        let messages = try #require(detail["messages"] as? [[String: Any]]).compactMap { $0["message"] as? String }
        #expect(messages.contains("Patch Set 1: Code-Review+2 Workflow+1\n\nLooks good"))

        // the last vote queued the change for the gate, in its own transaction; submit says so and keeps it open
        let queued = try await f.server.server.store.read { try await $0.pipelineItem(.gate, change: 1) }
        #expect(queued?.patchSet == PatchSetID(change: 1, patchSet: 1))
        let submit = try await f.server.request(.POST, "/a/changes/demo~1/submit", user: f.bob)
        #expect(submit.status == 200)
        #expect((try TestServer.gerritJSON(submit.body) as? [String: Any])?["status"] as? String == "NEW")

        // bob's permitted labels
        let permitted = try #require(try await f.detail(f.bob)["permitted_labels"] as? [String: [String]])
        #expect(permitted["Code-Review"] == ["-2", "-1", " 0", "+1", "+2"])
        #expect(permitted["Verified"] == nil)
        await f.stop()
    }

    @Test("a new patch set resets votes, keeps a -2 veto, and copies votes when only the message changed")
    func votesAcrossPatchSets() async throws {
        let f = try await ReviewFixture.start()
        #expect(try await f.review(f.bob, #"{"labels":{"Code-Review":2,"Workflow":1}}"#).status == 200)
        #expect(try await f.review(f.ci, #"{"labels":{"Verified":1}}"#).status == 200)

        // message-only amend: Code-Review and Verified carry over, Workflow does not
        try await f.pushNewPatchSet(content: nil, subject: "Say hello, politely")
        var requirements = try await f.requirements()
        #expect(requirements["Code-Review"]?.status == "SATISFIED")
        #expect(requirements["Verified"]?.status == "SATISFIED")
        #expect(requirements["Workflow"]?.status == "UNSATISFIED")
        let revisions = try #require(try TestServer.gerritJSON(try await f.server.request(.GET, "/changes/1?o=ALL_REVISIONS").body) as? [String: Any])
        let kinds = (revisions["revisions"] as? [String: [String: Any]])?.values.compactMap { $0["kind"] as? String }.sorted()
        #expect(kinds == ["NO_CODE_CHANGE", "REWORK"])

        // a real code change resets everything
        try await f.pushNewPatchSet(content: "hello\nthere\n")
        requirements = try await f.requirements()
        #expect(requirements["Code-Review"]?.status == "UNSATISFIED")
        #expect(requirements["Verified"]?.status == "UNSATISFIED")

        // but a veto survives any new patch set
        #expect(try await f.review(f.bob, #"{"labels":{"Code-Review":-2},"message":"No."}"#).status == 200)
        #expect(try await f.requirements()["Code-Review"]?.description == "blocked by Code-Review -2 from bob")
        try await f.pushNewPatchSet(content: "hello\nagain\n")
        #expect(try await f.requirements()["Code-Review"]?.description == "blocked by Code-Review -2 from bob")

        // votes go on the current patch set only
        let old = try await f.review(f.carol, #"{"labels":{"Code-Review":1}}"#, revision: "1")
        #expect(old.status == 409)
        await f.stop()
    }

    @Test("inline comments on files, ranges, the commit message and the parent side, with replies")
    func comments() async throws {
        let f = try await ReviewFixture.start()
        let posted = try await f.review(f.bob, #"""
            {"message":"Some nits","comments":{
              "hello.txt":[{"line":1,"message":"Capitalise?"},{"range":{"start_line":1,"start_character":0,"end_line":2,"end_character":3},"message":"Both lines"}],
              "/COMMIT_MSG":[{"line":7,"message":"Explain why","unresolved":true}]}}
            """#)
        #expect(posted.status == 200, "\(posted.body)")
        let first = try #require(try TestServer.gerritJSON(try await f.server.request(.GET, "/changes/demo~1/revisions/current/comments").body) as? [String: [[String: Any]]])
        #expect(first["hello.txt"]?.count == 2)
        #expect(first["/COMMIT_MSG"]?.first?["line"] as? Int == 7)
        let target = try #require(first["hello.txt"]?.first { $0["line"] as? Int == 1 && $0["range"] == nil }?["id"] as? String)

        let reply = try await f.review(f.alice, #"{"comments":{"hello.txt":[{"line":1,"in_reply_to":"\#(target)","message":"Done","unresolved":false}]}}"#)
        #expect(reply.status == 200, "\(reply.body)")
        let all = try #require(try TestServer.gerritJSON(try await f.server.request(.GET, "/changes/1/comments").body) as? [String: [[String: Any]]])
        let answered = try #require(all["hello.txt"]?.first { $0["in_reply_to"] as? String == target })
        #expect(answered["message"] as? String == "Done")
        #expect((answered["author"] as? [String: Any])?["username"] as? String == "alice")
        let detail = try await f.detail()
        #expect(detail["total_comment_count"] as? Int == 4)
        #expect(detail["unresolved_comment_count"] as? Int == 2)  // the reply resolved the first thread

        // bad positions change nothing
        for bad in [
            #"{"comments":{"nope.txt":[{"line":1,"message":"x"}]}}"#,
            #"{"comments":{"hello.txt":[{"line":99,"message":"x"}]}}"#,
            #"{"comments":{"hello.txt":[{"line":1,"message":"x","side":"PARENT"}]}}"#,
            #"{"comments":{"hello.txt":[{"line":1,"message":"x","in_reply_to":"nope"}]}}"#,
            #"{"comments":{"hello.txt":[{"range":{"start_line":2,"start_character":0,"end_line":1,"end_character":0},"message":"x"}]}}"#,
        ] {
            let response = try await f.review(f.carol, bad)
            #expect(response.status == 400, "\(bad) → \(response.status) \(response.body)")
        }
        #expect(try await f.detail()["total_comment_count"] as? Int == 4)
        await f.stop()
    }
}
