import Foundation
import GatehouseCore
import GatehouseGit
import GatehouseServer
import GatehouseTesting
import NIOHTTP1
import Testing

/// `GET /changes/` and `GET /changes/{id}` as Gerrit clients call them.
@Suite(.timeLimit(.minutes(3))) struct ChangeQueryRESTTests {
    /// A server with three changes on `demo` by alice (2) and bob (1), and the key of change 2.
    private func fixture() async throws -> (TestServer, String) {
        let server = try await TestServer.start { $0.seedDemo = true }
        let directory = try TestDirectory("client")
        defer { directory.remove() }
        let alice = try await server.createUser("alice")
        let bob = try await server.createUser("bob")
        let work = try await GitWorkTree.clone(server.url("demo"), in: directory)
        let key = GitWorkTree.newChangeKey()
        for (index, user) in [alice, alice, bob].enumerated() {
            try await work.checked(["reset", "--hard", "origin/main"])
            try await work.commit(GitWorkTree.message("Change \(index + 1)", key: index == 1 ? key : GitWorkTree.newChangeKey()))
            let push = try await work.push(server.url("demo", user: user), "HEAD:refs/for/main\(index == 2 ? "%topic=t" : "")")
            guard push.succeeded else { throw TestSetupError(push.all) }
        }
        return (server, key)
    }

    private func numbers(_ server: TestServer, _ query: String, user: (String, String)? = nil) async throws -> [Int] {
        let path = (user == nil ? "/changes/?" : "/a/changes/?") + query
        let list = try #require(try TestServer.gerritJSON(try await server.request(.GET, path, user: user).body) as? [[String: Any]])
        return list.compactMap { $0["_number"] as? Int }
    }

    @Test("a repeated search answers the same until something is written, and each person gets their own answer")
    func repeatedSearches() async throws {
        let (server, _) = try await fixture()
        let alice = ("alice", "alice-password")
        let bob = ("bob", "bob-password")
        for _ in 0..<2 {
            #expect(try await numbers(server, "q=status:open+project:demo") == [3, 2, 1])
            #expect(try await numbers(server, "q=owner:self+status:open", user: alice) == [2, 1])
            #expect(try await numbers(server, "q=owner:self+status:open", user: bob) == [3])
        }
        let abandoned = try await server.request(.POST, "/a/changes/demo~1/abandon", user: alice, json: "{}")
        #expect(abandoned.status == 200, "\(abandoned.body)")
        // The writer and everyone else see the write at once.
        #expect(try await numbers(server, "q=owner:self+status:open", user: alice) == [2])
        #expect(try await numbers(server, "q=status:open+project:demo") == [3, 2])
        #expect(try await numbers(server, "q=owner:self+status:open", user: bob) == [3])
        await server.stop()
    }

    @Test("queries as each client encodes them")
    func queries() async throws {
        let (server, key) = try await fixture()
        #expect(try await numbers(server, "q=status:open+project:demo") == [3, 2, 1])
        #expect(try await numbers(server, "q=project%3Ademo%20status%3Aopen") == [3, 2, 1])
        #expect(try await numbers(server, "q=owner:alice") == [2, 1])
        #expect(try await numbers(server, "q=topic:t") == [3])
        #expect(try await numbers(server, "q=2") == [2])
        #expect(try await numbers(server, "q=\(key)") == [2])
        #expect(try await numbers(server, "q=-owner:alice") == [3])
        #expect(try await numbers(server, "q=status:merged").isEmpty)

        let page = try #require(try TestServer.gerritJSON(try await server.request(.GET, "/changes/?q=status:open&n=2").body) as? [[String: Any]])
        #expect(page.map { $0["_number"] as? Int } == [3, 2])
        #expect(page.last?["_more_changes"] as? Bool == true)
        #expect(try await numbers(server, "q=status:open&n=2&S=2") == [1])

        let batched = try #require(try TestServer.gerritJSON(try await server.request(.GET, "/changes/?q=owner:bob&q=owner:alice").body) as? [[[String: Any]]])
        #expect(batched.map { $0.count } == [1, 2])

        let bad = try await server.request(.GET, "/changes/?q=status:open+(")
        #expect(bad.status == 400)
        #expect(bad.body.contains("position"))
        #expect(try await server.request(.GET, "/changes/?q=status:open&o=NOPE").status == 400)
        await server.stop()
    }

    @Test("every id form reaches the same change, and unknown ids are 404")
    func idForms() async throws {
        let (server, key) = try await fixture()
        for id in ["2", "2/", "demo~2", key, "demo~main~\(key)", "demo~refs%2Fheads%2Fmain~\(key)"] {
            let response = try await server.request(.GET, "/changes/\(id)?o=CURRENT_REVISION&o=CURRENT_COMMIT&o=DOWNLOAD_COMMANDS")
            #expect(response.status == 200, "\(id): \(response.body)")
            let change = try #require(try TestServer.gerritJSON(response.body) as? [String: Any])
            #expect(change["id"] as? String == "demo~2")
            let revision = try #require((change["revisions"] as? [String: [String: Any]])?.values.first)
            let commit = try #require(revision["commit"] as? [String: Any])
            #expect(commit["subject"] as? String == "Change 2")
            #expect((commit["parents"] as? [[String: Any]])?.first?["subject"] as? String == "Start the demo project")
            #expect(((revision["fetch"] as? [String: [String: Any]])?["http"]?["commands"] as? [String: String])?["Checkout"] != nil)
        }
        let detail = try #require(try TestServer.gerritJSON(try await server.request(.GET, "/changes/demo~2/detail").body) as? [String: Any])
        #expect((detail["messages"] as? [[String: Any]])?.first?["message"] as? String == "Uploaded patch set 1.")
        #expect((detail["owner"] as? [String: Any])?["username"] as? String == "alice")
        #expect(detail["labels"] != nil)
        for id in ["99", "other~2", "I\(String(repeating: "0", count: 40))", "nonsense", "demo~x"] {
            #expect(try await server.request(.GET, "/changes/\(id)").status == 404, "\(id)")
        }
        #expect(try await server.request(.POST, "/changes/2").status == 405)
        await server.stop()
    }
}
