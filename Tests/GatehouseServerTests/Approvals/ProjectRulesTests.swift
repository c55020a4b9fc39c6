import Foundation
import GatehouseGit
import GatehouseTesting
import NIOHTTP1
import Testing

/// Administrators tune a project's labels and how many core +2s a change needs.
@Suite(.timeLimit(.minutes(3))) struct ProjectRulesTests {
    @Test("two cores: with code_review_approvals 2, one +2 is not enough and the sentence says so")
    func twoCores() async throws {
        let f = try await ReviewFixture.start()
        let dave = try await f.server.createUser("dave", groups: ["demo-core"])
        #expect(try await f.server.request(.PUT, "/a/projects/demo/submit_rules", user: f.bob, json: #"{"code_review_approvals":2}"#).status == 403)
        #expect(try await f.server.request(.PUT, "/a/projects/demo/submit_rules", user: f.server.admin, json: #"{"code_review_approvals":0}"#).status == 400)
        #expect(try await f.server.request(.PUT, "/a/projects/demo/submit_rules", user: f.server.admin, json: #"{"code_review_approvals":2}"#).status == 200)
        #expect(try await f.review(f.bob, #"{"labels":{"Code-Review":2}}"#).status == 200)
        #expect(try await f.requirements()["Code-Review"]?.description == "needs 1 more Code-Review +2 from demo-core")
        #expect(try await f.review(dave, #"{"labels":{"Code-Review":2}}"#).status == 200)
        #expect(try await f.requirements()["Code-Review"]?.description == "Code-Review +2 from bob and dave")
        await f.stop()
    }

    @Test("labels: list, add one, narrow who may vote, delete; invalid definitions change nothing")
    func labels() async throws {
        let f = try await ReviewFixture.start()
        let listed = try #require(try TestServer.gerritJSON(try await f.server.request(.GET, "/projects/demo/labels/").body) as? [[String: Any]])
        #expect(listed.compactMap { $0["name"] as? String } == ["Code-Review", "Verified", "Workflow"])

        let added = try await f.server.request(.PUT, "/a/projects/demo/labels/Backport", user: f.server.admin, json: #"""
            {"values":{"-1":"No","0":"Maybe","+1":"Yes"},"permissions":[{"group":"Registered Users","min":-1,"max":1}]}
            """#)
        #expect(added.status == 201, "\(added.body)")
        #expect(try await f.review(f.carol, #"{"labels":{"Backport":1}}"#).status == 200)

        // narrowing Code-Review to the core group takes the +1 away from registered users
        let narrowed = try await f.server.request(.PUT, "/a/projects/demo/labels/Code-Review", user: f.server.admin, json: #"""
            {"permissions":[{"group":"demo-core","min":-2,"max":2}]}
            """#)
        #expect(narrowed.status == 200, "\(narrowed.body)")
        #expect(try await f.review(f.carol, #"{"labels":{"Code-Review":1}}"#).status == 403)
        #expect(try await f.review(f.bob, #"{"labels":{"Code-Review":2}}"#).status == 200)

        for bad in [#"{"values":{"+1":"Yes"}}"#, #"{"values":{"x":"Yes","0":"No"}}"#, #"{"permissions":[{"group":"demo-core","min":-5,"max":2}]}"#] {
            #expect(try await f.server.request(.PUT, "/a/projects/demo/labels/Code-Review", user: f.server.admin, json: bad).status == 400, "\(bad)")
        }
        #expect(try await f.server.request(.PUT, "/a/projects/demo/labels/Other", user: f.bob, json: #"{"values":{"0":"x","1":"y"}}"#).status == 403)
        #expect(try await f.server.request(.DELETE, "/a/projects/demo/labels/Backport", user: f.server.admin).status == 204)
        let after = try #require(try TestServer.gerritJSON(try await f.server.request(.GET, "/projects/demo/labels/").body) as? [[String: Any]])
        #expect(after.compactMap { $0["name"] as? String } == ["Code-Review", "Verified", "Workflow"])
        await f.stop()
    }
}
