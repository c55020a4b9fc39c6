import Foundation
import GatehouseTesting
import NIOHTTP1
import Testing

/// The pipelines' events on the stream: a bot can follow a change from upload to merge.
@Suite(.timeLimit(.minutes(3))) struct GateEventTests {
    @Test("check, gate and merge leave builds, enqueue, merge and ref-updated events naming the tested commit")
    func gateRunOnTheStream() async throws {
        let f = try await GateFixture.start()
        let stream = try await EventStreamClient.connect(f.server.baseURL + "/a/events?since=0", user: f.bob)
        defer { stream.close() }
        let change = try await f.propose("Add alpha", file: "alpha.txt", content: "alpha\n")
        try await f.waitForVerified(change, 1)
        try await f.approve(change)
        try await f.waitForStatus(change, "MERGED")

        var events: [[String: Any]] = []
        while let message = await stream.next(timeout: .seconds(10)) {
            events.append(message.json)
            if message.type == "ref-updated" { break }
        }
        let mine = events.filter { ($0["change"] as? [String: Any])?["number"] as? Int == change || $0["type"] as? String == "ref-updated" }
        let types = mine.map { $0["type"] as? String ?? "" }
        #expect(types.first == "patchset-created")
        #expect(types.contains("gate-enqueued"))
        #expect(types.suffix(3) == ["gate-dequeued", "change-merged", "ref-updated"], "\(types)")
        let builds = mine.filter { $0["type"] as? String == "build-completed" }.compactMap { $0["build"] as? [String: Any] }
        #expect(Set(builds.compactMap { $0["pipeline"] as? String }) == ["check", "gate"])
        #expect(builds.allSatisfy { $0["result"] as? String == "SUCCESS" && ($0["logUrl"] as? String)?.contains("/logs/") == true })
        let started = mine.filter { $0["type"] as? String == "build-started" }.count
        #expect(started == builds.count, "each build starts once and completes once")

        let merged = try #require(mine.first { $0["type"] as? String == "change-merged" })
        let newRev = try #require(merged["newRev"] as? String)
        #expect((merged["change"] as? [String: Any])?["status"] as? String == "MERGED")
        #expect((merged["submitter"] as? [String: Any])?["username"] as? String == "gatehouse-ci")
        let gateCommits = builds.filter { $0["pipeline"] as? String == "gate" }.compactMap { $0["commit"] as? String }
        #expect(gateCommits.allSatisfy { $0 == newRev }, "the merged commit is the one the gate's builds tested")
        let ref = try #require((mine.last?["refUpdate"] as? [String: Any]))
        #expect(ref["newRev"] as? String == newRev)
        #expect(ref["refName"] as? String == "refs/heads/main")
        #expect(try await f.branchHistory().last == newRev)
        let dequeued = try #require(mine.first { $0["type"] as? String == "gate-dequeued" })
        #expect((dequeued["gate"] as? [String: Any])?["reason"] as? String == "merged")
        await f.stop()
    }
}
