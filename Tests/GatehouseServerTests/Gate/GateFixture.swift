import Foundation
import GatehouseCore
import GatehouseGit
import GatehouseServer
import GatehouseTesting
import NIOHTTP1

/// A server with the pipelines on, real bubblewrap jobs, and its cast: alice proposes, bob (core) approves.
struct GateFixture {
    let server: TestServer
    let directory: TestDirectory
    let work: GitWorkTree
    let alice: (String, String)
    let bob: (String, String)
    let project: String

    /// - Parameters:
    ///   - jobs: a `.gatehouse.yaml` landed first, through the gate itself; nil keeps the demo's jobs.
    ///   - configure: further server settings (slots, window, retries).
    static func start(
        _ backend: TestBackend = .sqlite, jobs: String? = nil, configure: (inout ServerConfiguration) -> Void = { _ in }
    ) async throws -> GateFixture {
        let server = try await TestServer.start(backend) {
            $0.seedDemo = true
            $0.runsPipelines = true
            $0.gatePollInterval = .milliseconds(100)
            configure(&$0)
        }
        let directory = try TestDirectory("gate")
        let alice = try await server.createUser("alice")
        let bob = try await server.createUser("bob", groups: ["demo-core"])
        let work = try await GitWorkTree.clone(server.url("demo"), in: directory)
        let fixture = GateFixture(server: server, directory: directory, work: work, alice: alice, bob: bob, project: "demo")
        if let jobs {
            let change = try await fixture.propose("Configure the jobs", file: ".gatehouse.yaml", content: jobs)
            try await fixture.waitForVerified(change, 1)
            try await fixture.approve(change)
            try await fixture.waitForStatus(change, "MERGED")
        }
        return fixture
    }

    func stop() async {
        await server.stop()
        directory.remove()
    }

    /// Commits `content` to `file` on top of the current `main` (or of `parent`) and pushes it for review.
    /// - Returns: the change number.
    @discardableResult
    func propose(_ subject: String, file: String, content: String, key: String = GitWorkTree.newChangeKey(), on parent: String? = nil) async throws -> Int {
        try await work.checked(["fetch", "--quiet", "origin"])
        try await work.checked(["checkout", "--quiet", "--detach", parent ?? "origin/main"])
        try await work.commit(GitWorkTree.message(subject, key: key), file: file, content: content)
        let push = try await work.push(server.url(project, user: alice), "HEAD:refs/for/main")
        guard push.succeeded, let number = Self.changeNumber(in: push.all) else { throw TestSetupError(push.all) }
        return number
    }

    private static func changeNumber(in output: String) -> Int? {
        guard let range = output.range(of: #"/\+/(\d+)"#, options: .regularExpression) else { return nil }
        return Int(output[range].dropFirst(3))
    }

    /// Code-Review +2 and Workflow +1 from bob.
    func approve(_ change: Int) async throws {
        let response = try await server.request(
            .POST, "/a/changes/\(change)/revisions/current/review", user: bob, json: #"{"labels":{"Code-Review":2,"Workflow":1}}"#)
        guard response.status == 200 else { throw TestSetupError("approving \(change): \(response.status) \(response.body)") }
    }

    func change(_ number: Int) async throws -> [String: Any] {
        let response = try await server.request(.GET, "/changes/\(number)/detail")
        guard let json = try TestServer.gerritJSON(response.body) as? [String: Any] else { throw TestSetupError(response.body) }
        return json
    }

    func messages(_ number: Int) async throws -> [String] {
        (try await change(number)["messages"] as? [[String: Any]] ?? []).compactMap { $0["message"] as? String }
    }

    /// The gate account's current Verified vote on the change, or nil.
    func verified(_ number: Int) async throws -> Int? {
        let labels = try await change(number)["labels"] as? [String: [String: Any]]
        let all = labels?["Verified"]?["all"] as? [[String: Any]] ?? []
        return all.first { $0["username"] as? String == "gatehouse-ci" }?["value"] as? Int
    }

    func waitForVerified(_ number: Int, _ value: Int, timeout: Duration = .seconds(60)) async throws {
        try await waitUntil("change \(number) to get Verified \(value)", timeout: timeout) { try await verified(number) == value }
    }

    func waitForStatus(_ number: Int, _ status: String, timeout: Duration = .seconds(60)) async throws {
        try await waitUntil("change \(number) to become \(status)", timeout: timeout) { try await change(number)["status"] as? String == status }
    }

    func waitUntil(_ what: String, timeout: Duration, _ condition: () async throws -> Bool) async throws {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if try await condition() { return }
            try await Task.sleep(for: .milliseconds(50))
        }
        let status = try await server.request(.GET, "/api/gate/status").body
        throw TestSetupError("timed out waiting for \(what); gate status: \(status)")
    }

    /// `GET /api/changes/{n}/builds` as (pipeline, job, result, changes, commit) tuples.
    func builds(_ number: Int) async throws -> [(pipeline: String, job: String, result: String, changes: String, commit: String)] {
        let response = try await server.request(.GET, "/api/changes/\(number)/builds")
        guard let list = try JSONSerialization.jsonObject(with: Data(response.body.utf8)) as? [[String: Any]] else {
            throw TestSetupError(response.body)
        }
        return list.map {
            ($0["pipeline"] as? String ?? "", $0["job"] as? String ?? "", $0["result"] as? String ?? "RUNNING",
             $0["changes"] as? String ?? "", $0["commit"] as? String ?? "")
        }
    }

    /// Every commit `main` has pointed at, oldest first (the bare repository keeps a reflog of every move).
    func branchHistory() async throws -> [String] {
        let repository = "\(server.server.configuration.repositoryRoot)/\(project).git"
        let output = try await Git().checked(["log", "-g", "--format=%H", "refs/heads/main"], in: repository)
        return output.lines.map(String.init).reversed()
    }

    func status() async throws -> [String: Any] {
        let response = try await server.request(.GET, "/api/gate/status")
        guard let json = try JSONSerialization.jsonObject(with: Data(response.body.utf8)) as? [String: Any] else {
            throw TestSetupError(response.body)
        }
        return json
    }
}
