import Foundation
import GatehouseCore
import GatehouseGit
import GatehouseServer
import GatehouseStore
import GatehouseTesting
import NIOHTTP1
import SQLKit

/// Drives a real in-process server the way people do: projects whose jobs land through the gate itself,
/// pushes for review, approvals over REST, and the database to see when the gate is done.
struct GateBenchDriver {
    let server: TestServer
    let directory: TestDirectory
    let author: (String, String)
    let core: (String, String)

    static func start(slots: Int) async throws -> GateBenchDriver {
        let server = try await TestServer.start(.sqlite) {
            $0.runsPipelines = true
            $0.executorSlots = slots
            $0.gatePollInterval = .milliseconds(200)
        }
        let directory = try TestDirectory("gate-bench")
        let author = try await server.createUser("author")
        let core = try await server.createUser("core", groups: ["Administrators"])
        return GateBenchDriver(server: server, directory: directory, author: author, core: core)
    }

    func stop() async {
        await server.stop()
        directory.remove()
    }

    /// Creates `project` and lands its `.gatehouse.yaml` through its own gate.
    func createProject(_ project: String, jobs: String) async throws -> GitWorkTree {
        try await server.createProject(project)
        let group = try await server.request(.PUT, "/a/groups/\(project)-core/members/core", user: server.admin)
        guard group.status < 300 else { throw BenchError("adding core to \(project)-core: \(group.body)") }
        let work = try await GitWorkTree.clone(server.url(project), in: directory, name: project)
        let change = try await propose(work, project: project, subject: "Jobs", file: ".gatehouse.yaml", content: jobs)
        try await waitForVerified([change])
        try await approve(change)
        try await waitUntil("the jobs to land") { try await status(change) == "MERGED" }
        return work
    }

    /// One commit on top of `main`, pushed for review; returns the change number.
    func propose(_ work: GitWorkTree, project: String, subject: String, file: String, content: String) async throws -> Int {
        try await work.checked(["fetch", "--quiet", "origin"])
        try await work.checked(["checkout", "--quiet", "--detach", "origin/main"])
        try await work.commit(GitWorkTree.message(subject), file: file, content: content)
        let push = try await work.push(server.url(project, user: author), "HEAD:refs/for/main")
        guard push.succeeded, let range = push.all.range(of: #"/\+/(\d+)"#, options: .regularExpression),
            let number = Int(push.all[range].dropFirst(3))
        else { throw BenchError("push failed: \(push.all)") }
        return number
    }

    func approve(_ change: Int) async throws {
        let response = try await server.request(
            .POST, "/a/changes/\(change)/revisions/current/review", user: core, json: #"{"labels":{"Code-Review":2,"Workflow":1}}"#)
        guard response.status == 200 else { throw BenchError("approving \(change): \(response.body)") }
    }

    func status(_ change: Int) async throws -> String? {
        try await server.server.store.read { tx in try await tx.change(number: change)?.status.rawValue }
    }

    /// Waits until the check pipeline has voted Verified on every change.
    func waitForVerified(_ changes: [Int]) async throws {
        try await waitUntil("Verified votes", timeout: .seconds(600)) {
            try await server.server.store.read { tx in
                for change in changes {
                    guard let current = try await tx.change(number: change)?.currentPatchSet else { return false }
                    guard try await tx.votes(change: change, patchSet: current).contains(where: { $0.label == "Verified" }) else { return false }
                }
                return true
            }
        }
    }

    /// Waits until the gate has no queued item left.
    func waitForEmptyGate() async throws {
        try await waitUntil("the gate to drain", timeout: .seconds(1200), poll: .milliseconds(10)) {
            try await server.server.store.read { tx in try await tx.pipelineItems(.gate).isEmpty }
        }
    }

    /// Gate builds of a project that ran (merge conflicts excluded: they cost no build).
    func gateBuilds(_ project: String) async throws -> Int {
        try await server.server.store.read { tx in
            let row = try await tx.sql.raw("""
                SELECT COUNT(*) AS n FROM builds WHERE pipeline = 'gate' AND project = \(bind: project) AND result <> 'MERGE_CONFLICT'
                """).first()
            return try row?.decode(column: "n", as: Int.self) ?? 0
        }
    }

    func waitUntil(
        _ what: String, timeout: Duration = .seconds(120), poll: Duration = .milliseconds(20), _ condition: () async throws -> Bool
    ) async throws {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if try await condition() { return }
            try await Task.sleep(for: poll)
        }
        throw BenchError("timed out waiting for \(what)")
    }
}
