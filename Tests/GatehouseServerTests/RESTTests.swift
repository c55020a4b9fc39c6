import Foundation
import GatehouseCore
import GatehouseGit
import GatehouseServer
import GatehouseTesting
import NIOHTTP1
import Testing

/// Accounts, groups, projects and server endpoints through Gerrit's REST shapes.
@Suite(.timeLimit(.minutes(3))) struct RESTTests {
    @Test("accounts: admins create them, passwords authenticate, every id form finds them", arguments: TestBackend.available)
    func accounts(backend: TestBackend) async throws {
        let server = try await TestServer.start(backend)
        let alice = try await server.createUser("alice")

        let created = try await server.request(.PUT, "/a/accounts/bob", user: server.admin, json: #"{"name":"Bob B","email":"bob@example.com"}"#)
        #expect(created.status == 201)
        let bob = try #require(try TestServer.gerritJSON(created.body) as? [String: Any])
        #expect(bob["username"] as? String == "bob")
        let bobID = try #require(bob["_account_id"] as? Int)

        // self, numeric id, username, e-mail, trailing slash
        let me = try #require(try TestServer.gerritJSON(try await server.request(.GET, "/a/accounts/self/", user: alice).body) as? [String: Any])
        #expect(me["username"] as? String == "alice")
        for id in ["\(bobID)", "bob", "bob@example.com", "bob/"] {
            let response = try await server.request(.GET, "/accounts/\(id)", user: alice)
            #expect(response.status == 200, "\(id)")
            #expect((try TestServer.gerritJSON(response.body) as? [String: Any])?["_account_id"] as? Int == bobID)
        }
        #expect(try await server.request(.GET, "/accounts/nobody").status == 404)
        #expect(try await server.request(.GET, "/accounts/self").status == 401)

        // a generated password works at once; the old one no longer does
        let generated = try await server.request(.PUT, "/a/accounts/self/password.http", user: alice, json: #"{"generate":true}"#)
        #expect(generated.status == 200)
        let password = try #require(try TestServer.gerritJSON(generated.body) as? String)
        #expect(password.count >= 32)
        #expect(try await server.request(.GET, "/a/accounts/self", user: ("alice", password)).status == 200)
        #expect(try await server.request(.GET, "/a/accounts/self", user: alice).status == 401)

        // only admins create accounts; others' passwords are not yours to set
        #expect(try await server.request(.PUT, "/a/accounts/eve", user: ("alice", password), json: "{}").status == 403)
        #expect(try await server.request(.PUT, "/a/accounts/bob/password.http", user: ("alice", password), json: #"{"generate":true}"#).status == 403)
        #expect(try await server.request(.PUT, "/a/accounts/alice", user: server.admin, json: "{}").status == 409)
        #expect(try await server.request(.PUT, "/a/accounts/bad%20name", user: server.admin, json: "{}").status == 400)
        #expect(try await server.request(.PUT, "/a/accounts/x", user: server.admin, json: "{not json").status == 400)
        await server.stop()
    }

    @Test("a wrong password is a 401 that does not say which part was wrong")
    func wrongPassword() async throws {
        let server = try await TestServer.start()
        let wrongPassword = try await server.request(.GET, "/a/accounts/self", user: ("admin", "nope"))
        let wrongUser = try await server.request(.GET, "/a/accounts/self", user: ("nobody", "nope"))
        #expect(wrongPassword.status == 401)
        #expect(wrongPassword.body == wrongUser.body)
        #expect(wrongPassword.headers.first(name: "WWW-Authenticate") == "Basic realm=\"Gatehouse\"")
        await server.stop()
    }

    @Test("groups: the built-in ones exist, admins add members, members are listed")
    func groups() async throws {
        let server = try await TestServer.start()
        let alice = try await server.createUser("alice")
        #expect(try await server.request(.PUT, "/a/groups/reviewers", user: server.admin, json: #"{"description":"r"}"#).status == 201)
        #expect(try await server.request(.PUT, "/a/groups/reviewers", user: server.admin, json: "{}").status == 409)
        #expect(try await server.request(.PUT, "/a/groups/reviewers/members/alice", user: server.admin).status == 201)
        #expect(try await server.request(.PUT, "/a/groups/reviewers/members/alice", user: server.admin).status == 200)
        #expect(try await server.request(.PUT, "/a/groups/reviewers/members/admin", user: alice).status == 403)
        let members = try #require(try TestServer.gerritJSON(try await server.request(.GET, "/a/groups/reviewers/members/", user: alice).body) as? [[String: Any]])
        #expect(members.map { $0["username"] as? String } == ["alice"])
        let all = try #require(try TestServer.gerritJSON(try await server.request(.GET, "/a/groups/", user: alice).body) as? [String: Any])
        #expect(Set(all.keys) == ["Administrators", "Service Users", "reviewers"])
        #expect(try await server.request(.PUT, "/a/groups/missing/members/alice", user: server.admin).status == 404)
        await server.stop()
    }

    @Test("projects: admins create them with a repository, a branch and a core group; bad names change nothing")
    func projects() async throws {
        let server = try await TestServer.start()
        let alice = try await server.createUser("alice")
        let created = try await server.request(.PUT, "/a/projects/team%2Fapp", user: server.admin, json: #"{"description":"An app","create_empty_commit":true}"#)
        #expect(created.status == 201)
        #expect((try TestServer.gerritJSON(created.body) as? [String: Any])?["id"] as? String == "team%2Fapp")
        #expect(try await server.request(.PUT, "/a/projects/team%2Fapp", user: server.admin, json: "{}").status == 409)
        #expect(try await server.request(.PUT, "/a/projects/other", user: alice, json: "{}").status == 403)

        let branches = try #require(try TestServer.gerritJSON(try await server.request(.GET, "/projects/team%2Fapp/branches/").body) as? [[String: String]])
        #expect(branches.map { $0["ref"] } == ["HEAD", "refs/heads/main"])
        #expect(branches[1]["revision"]?.count == 40)
        let group = try await server.request(.GET, "/a/groups/team%2Fapp-core", user: alice)
        #expect(group.status == 200)

        for bad in ["a%2F..%2Fb", "%2Fleading", "ctl%01char", "x.git", "changes", "a%2F%2Fb"] {
            let response = try await server.request(.PUT, "/a/projects/\(bad)", user: server.admin, json: "{}")
            #expect(response.status == 400, "\(bad): \(response.status) \(response.body)")
        }
        let list = try #require(try TestServer.gerritJSON(try await server.request(.GET, "/projects/?d").body) as? [String: [String: Any]])
        #expect(Set(list.keys) == ["team/app"])
        #expect(list["team/app"]?["description"] as? String == "An app")
        let repositories = try FileManager.default.subpathsOfDirectory(atPath: "\(server.directory.path)/git").filter { $0.hasSuffix(".git") }
        #expect(repositories == ["team/app.git"])
        await server.stop()
    }

    @Test("a private project is invisible to anonymous users, for REST and git alike")
    func privateProject() async throws {
        let server = try await TestServer.start()
        let alice = try await server.createUser("alice")
        try await server.createProject("secret", extra: #","private":true"#)
        #expect(try await server.request(.GET, "/projects/secret").status == 404)
        #expect(try await server.request(.GET, "/a/projects/secret", user: alice).status == 200)
        #expect(try await server.request(.GET, "/secret/info/refs?service=git-upload-pack").status == 401)
        #expect(try await server.request(.GET, "/secret/info/refs?service=git-upload-pack", user: alice).status == 200)
        let list = try #require(try TestServer.gerritJSON(try await server.request(.GET, "/projects/").body) as? [String: Any])
        #expect(list.isEmpty)
        await server.stop()
    }

    @Test("the version is numeric JSON and the hook is served anonymously at the host root")
    func serverEndpoints() async throws {
        let server = try await TestServer.start()
        let version = try await server.request(.GET, "/config/server/version")
        #expect(version.body == ")]}'\n\"3.9.0\"\n")
        #expect(version.headers.first(name: "Content-Type") == "application/json; charset=UTF-8")
        let hook = try await server.request(.GET, "/tools/hooks/commit-msg")
        #expect(hook.status == 200)
        #expect(hook.body.hasPrefix("#!/bin/sh"))
        #expect(hook.body == CommitMsgHook.script)
        #expect(try await server.request(.GET, "/nothing/here").status == 404)
        await server.stop()
    }
}
