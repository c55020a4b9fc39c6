import Foundation
import GatehouseCore
import GatehouseGit
import GatehouseServer
import GatehouseTesting
import NIOHTTP1
import Testing

/// The issue's "Done when", end to end on real HTTP, real git and each database backend.
@Suite(.timeLimit(.minutes(5))) struct PushForReviewTests {
    @Test("a push for review makes a change, an amended push makes patch set 2, a push to main is refused", arguments: TestBackend.available)
    func reviewFlow(backend: TestBackend) async throws {
        // setup
        let server = try await TestServer.start(backend) { $0.seedDemo = true }
        let directory = try TestDirectory("client")
        defer { directory.remove() }
        let alice = try await server.createUser("alice")
        let work = try await GitWorkTree.clone(server.url("demo"), in: directory)
        let mainBefore = try await work.head()
        let key = GitWorkTree.newChangeKey()

        // act: propose, amend, and try to bypass review
        try await work.commit(GitWorkTree.message("Add greeting", key: key), file: "hello.txt", content: "hello\n")
        let first = try await work.push(server.url("demo", user: alice), "HEAD:refs/for/main")
        let firstSHA = try await work.head()
        try await work.commit(GitWorkTree.message("Add a friendlier greeting", key: key), file: "hello.txt", content: "hello, world\n", amend: true)
        let second = try await work.push(server.url("demo", user: alice), "HEAD:refs/for/main")
        let secondSHA = try await work.head()
        let direct = try await work.push(server.url("demo", user: server.admin), "HEAD:refs/heads/main")

        // check: what the pusher saw
        #expect(first.succeeded, "\(first.all)")
        #expect(first.all.contains("New Changes:"))
        #expect(first.all.contains("\(server.baseURL)/c/demo/+/1 Add greeting"))
        #expect(second.succeeded, "\(second.all)")
        #expect(second.all.contains("Updated Changes:"))
        #expect(second.all.contains("\(server.baseURL)/c/demo/+/1 Add a friendlier greeting"))
        #expect(!direct.succeeded)
        #expect(direct.all.contains("push to refs/for/main for review"))

        // check: refs on the server
        let refs = try await work.checked(["ls-remote", server.url("demo")]).text
        #expect(refs.contains("\(firstSHA.hex)\trefs/changes/01/1/1"))
        #expect(refs.contains("\(secondSHA.hex)\trefs/changes/01/1/2"))
        #expect(refs.contains("\(mainBefore.hex)\trefs/heads/main"))
        #expect(!refs.contains("refs/for/"))

        // check: the REST view, as git-review reads it
        let response = try await server.request(.GET, "/changes/?q=1&o=ALL_REVISIONS")
        let changes = try #require(try TestServer.gerritJSON(response.body) as? [[String: Any]])
        #expect(changes.count == 1)
        let change = changes[0]
        #expect(change["_number"] as? Int == 1)
        #expect(change["branch"] as? String == "main")
        #expect(change["change_id"] as? String == key)
        #expect(change["current_revision"] as? String == secondSHA.hex)
        let revisions = try #require(change["revisions"] as? [String: [String: Any]])
        #expect(Set(revisions.keys) == [firstSHA.hex, secondSHA.hex])
        let fetch = try #require(revisions[secondSHA.hex]?["fetch"] as? [String: [String: String]])
        #expect(fetch["anonymous http"]?["ref"] == "refs/changes/01/1/2")
        #expect(fetch["anonymous http"]?["url"] == "\(server.baseURL)/demo")

        // check: a reviewer can fetch the patch set the way git review -d does
        try await work.checked(["fetch", server.url("demo"), "refs/changes/01/1/1"])
        #expect(try await work.checked(["rev-parse", "FETCH_HEAD"]).text == firstSHA.hex)

        await server.stop()
    }

    @Test("push options in the ref name and as -o set topic, hashtags, reviewers, message and WIP")
    func pushOptions() async throws {
        let server = try await TestServer.start { $0.seedDemo = true }
        let directory = try TestDirectory("client")
        defer { directory.remove() }
        let alice = try await server.createUser("alice")
        _ = try await server.createUser("bob")
        _ = try await server.createUser("carol")
        let work = try await GitWorkTree.clone(server.url("demo"), in: directory)

        try await work.commit(GitWorkTree.message("Option carrier"))
        let push = try await work.push(
            server.url("demo", user: alice), "HEAD:refs/for/main%topic=feature-x,t=h1,r=bob,m=hello+world%2C+ok,wip", options: ["cc=carol", "hashtag=h2"]
        )
        #expect(push.succeeded, "\(push.all)")
        #expect(push.all.contains("Option carrier [WIP]"))

        let response = try await server.request(.GET, "/a/changes/demo~1/detail", user: alice)
        let change = try #require(try TestServer.gerritJSON(response.body) as? [String: Any])
        #expect(change["topic"] as? String == "feature-x")
        #expect(change["hashtags"] as? [String] == ["h1", "h2"])
        #expect(change["work_in_progress"] as? Bool == true)
        let reviewers = try #require(change["reviewers"] as? [String: [[String: Any]]])
        #expect(reviewers["REVIEWER"]?.map { $0["username"] as? String } == ["bob"])
        #expect(reviewers["CC"]?.map { $0["username"] as? String } == ["carol"])
        let messages = try #require(change["messages"] as? [[String: Any]])
        #expect(messages.first?["message"] as? String == "Uploaded patch set 1.\n\nhello world, ok")

        // `ready` on the next patch set clears WIP
        try await work.commit(GitWorkTree.message("Option carrier", key: change["change_id"] as! String), amend: true)
        let ready = try await work.push(server.url("demo", user: alice), "HEAD:refs/for/main%ready")
        #expect(ready.succeeded, "\(ready.all)")
        let after = try #require(try TestServer.gerritJSON(try await server.request(.GET, "/changes/1").body) as? [String: Any])
        #expect(after["work_in_progress"] == nil)
        #expect(after["current_revision_number"] as? Int == 2)
        await server.stop()
    }

    @Test("several commits in one push become a chain of changes, parents first")
    func chain() async throws {
        let server = try await TestServer.start { $0.seedDemo = true }
        let directory = try TestDirectory("client")
        defer { directory.remove() }
        let work = try await GitWorkTree.clone(server.url("demo"), in: directory)
        for subject in ["One", "Two", "Three"] { try await work.commit(GitWorkTree.message(subject), file: "\(subject).txt") }
        let push = try await work.push(server.url("demo", user: server.admin), "HEAD:refs/for/main")
        #expect(push.succeeded, "\(push.all)")
        #expect(push.all.contains("/c/demo/+/1 One"))
        #expect(push.all.contains("/c/demo/+/3 Three"))
        // pushing the same commits again is "no new changes"
        let again = try await work.push(server.url("demo", user: server.admin), "HEAD:refs/for/main")
        #expect(!again.succeeded)
        #expect(again.all.contains("no new changes"))
        await server.stop()
    }

    @Test("a clone over protocol v0 works as well as v2")
    func protocolV0() async throws {
        let server = try await TestServer.start { $0.seedDemo = true }
        let directory = try TestDirectory("client")
        defer { directory.remove() }
        let work = try await GitWorkTree.clone(server.url("demo"), in: directory, protocolVersion: 0)
        #expect(FileManager.default.fileExists(atPath: "\(work.path)/.gitreview"))
        for path in ["/demo.git", "/p/demo", "/a/demo"] {
            let other = try await GitWorkTree.clone(
                path == "/a/demo" ? "http://admin:\(TestServer.adminPassword)@127.0.0.1:\(server.port)/a/demo" : server.baseURL + path,
                in: directory, name: "clone\(path.replacingOccurrences(of: "/", with: "-"))"
            )
            #expect(try await other.head() == (try await work.head()))
        }
        await server.stop()
    }
}
