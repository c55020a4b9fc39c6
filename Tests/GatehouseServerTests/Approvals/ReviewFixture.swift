import Foundation
import GatehouseGit
import GatehouseServer
import GatehouseTesting
import NIOHTTP1

/// A server with the demo project, its cast (alice the author, bob a demo-core reviewer, ci a service user,
/// carol a registered user) and one change by alice that adds `hello.txt`.
struct ReviewFixture {
    let server: TestServer
    let directory: TestDirectory
    let work: GitWorkTree
    let key: String
    let alice: (String, String)
    let bob: (String, String)
    let ci: (String, String)
    let carol: (String, String)

    static func start(_ backend: TestBackend = .sqlite) async throws -> ReviewFixture {
        let server = try await TestServer.start(backend) { $0.seedDemo = true }
        let directory = try TestDirectory("review")
        let alice = try await server.createUser("alice")
        let bob = try await server.createUser("bob", groups: ["demo-core"])
        let ci = try await server.createUser("ci", groups: ["Service Users"])
        let carol = try await server.createUser("carol")
        let work = try await GitWorkTree.clone(server.url("demo"), in: directory)
        let key = GitWorkTree.newChangeKey()
        try await work.commit(GitWorkTree.message("Say hello", key: key), file: "hello.txt", content: "hello\nworld\n")
        let push = try await work.push(server.url("demo", user: alice), "HEAD:refs/for/main")
        guard push.succeeded else { throw TestSetupError(push.all) }
        return ReviewFixture(server: server, directory: directory, work: work, key: key, alice: alice, bob: bob, ci: ci, carol: carol)
    }

    func stop() async {
        await server.stop()
        directory.remove()
    }

    /// Posts a review on the current patch set; returns status and body.
    func review(_ user: (String, String), _ json: String, revision: String = "current") async throws -> (status: Int, body: String) {
        let response = try await server.request(.POST, "/a/changes/demo~1/revisions/\(revision)/review", user: user, json: json)
        return (response.status, response.body)
    }

    /// `GET /changes/demo~1/detail` as a dictionary.
    func detail(_ user: (String, String)? = nil) async throws -> [String: Any] {
        let response = try await server.request(.GET, (user == nil ? "" : "/a") + "/changes/demo~1/detail", user: user)
        guard let json = try TestServer.gerritJSON(response.body) as? [String: Any] else { throw TestSetupError(response.body) }
        return json
    }

    /// The submit requirements of change 1 as name → (status, description).
    func requirements() async throws -> [String: (status: String, description: String)] {
        let list = try await detail()["submit_requirements"] as? [[String: Any]] ?? []
        return Dictionary(uniqueKeysWithValues: list.map {
            ($0["name"] as? String ?? "", ($0["status"] as? String ?? "", $0["description"] as? String ?? ""))
        })
    }

    /// Amends the change's commit with new content (or only a new message) and pushes it as the next patch set.
    func pushNewPatchSet(content: String?, subject: String = "Say hello") async throws {
        if let content {
            try await work.commit(GitWorkTree.message(subject, key: key), file: "hello.txt", content: content, amend: true)
        } else {
            try await work.checked(["commit", "--amend", "--quiet", "-F", "-"], input: Array(GitWorkTree.message(subject, key: key).utf8))
        }
        let push = try await work.push(server.url("demo", user: alice), "HEAD:refs/for/main")
        guard push.succeeded else { throw TestSetupError(push.all) }
    }
}
