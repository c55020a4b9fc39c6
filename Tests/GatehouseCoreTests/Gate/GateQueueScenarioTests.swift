import GatehouseCore
import Testing

/// Zuul's dependent-pipeline scenarios (`tests/unit/test_scheduler.py`), one job per item unless stated, no
/// retries so that every failure is final, each asserting the whole build history.
@Suite struct GateQueueScenarioTests {
    @Test("Items that all pass build at once and merge in order, each new head keeping its build")
    func allPass() {
        // setup
        var sim = GateSimulation()
        sim.enqueue("1,1", "2,1", "3,1")
        #expect(sim.runningStacks == ["1,1", "1,1 2,1", "1,1 2,1 3,1"])
        // act
        sim.completeAll()
        // check
        #expect(sim.history == runs(("unit", .success, "1,1"), ("unit", .success, "1,1 2,1"),
            ("unit", .success, "1,1 2,1 3,1")))
        #expect(sim.merged == [ps("1,1"), ps("2,1"), ps("3,1")])
        #expect(sim.actions.filter { if case .prepareMerge = $0 { true } else { false } }.count == 3)
        #expect(sim.queue.items.isEmpty)
        #expect(sim.queue.window.size == 23)
    }

    @Test("A failing head is reported at once and the items behind rebuild without it")
    func failingHead() {
        // setup
        var sim = GateSimulation()
        sim.enqueue("1,1", "2,1", "3,1")
        // act
        sim.complete("unit", of: "1,1", .failure)
        sim.completeAll()
        // check
        #expect(sim.history == runs(
            ("unit", .failure, "1,1"), ("unit", .aborted, "1,1 2,1"), ("unit", .aborted, "1,1 2,1 3,1"),
            ("unit", .success, "2,1"), ("unit", .success, "2,1 3,1")))
        #expect(sim.reported == [ps("1,1")])
        #expect(sim.failures[ps("1,1")] == .jobsFailed(["unit"]))
        #expect(sim.merged == [ps("2,1"), ps("3,1")])
        #expect(sim.queue.window.size == 12)  // 20 halved, then +1 per merge
    }

    @Test("A failing middle item waits for the head while the items behind move onto the head")
    func failingMiddle() {
        // setup
        var sim = GateSimulation()
        sim.enqueue("1,1", "2,1", "3,1")
        // act
        sim.complete("unit", of: "2,1", .failure)
        // check: 2 keeps its place, unblamed; 3 now builds on 1 only
        #expect(sim.reported.isEmpty)
        #expect(sim.queue.items.map(\.patchSet) == [ps("1,1"), ps("2,1"), ps("3,1")])
        #expect(sim.queue.item(ps("3,1"))?.buildsOn == [ps("1,1")])
        // act
        sim.completeAll()
        // check
        #expect(sim.history == runs(
            ("unit", .failure, "1,1 2,1"), ("unit", .aborted, "1,1 2,1 3,1"),
            ("unit", .success, "1,1"), ("unit", .success, "1,1 3,1")))
        #expect(sim.merged == [ps("1,1"), ps("3,1")])
        #expect(sim.reported == [ps("2,1")])
    }

    @Test("When the item ahead of a failing item fails too, the first is rebuilt without it and merges")
    func culpritAheadFailsLater() {
        // setup
        var sim = GateSimulation()
        sim.enqueue("1,1", "2,1", "3,1", "4,1")
        // act: 2 fails, but only because of 1, which fails afterwards
        sim.complete("unit", of: "2,1", .failure)
        sim.complete("unit", of: "1,1", .failure)
        sim.completeAll()
        // check
        #expect(sim.history == runs(
            ("unit", .failure, "1,1 2,1"), ("unit", .aborted, "1,1 2,1 3,1"), ("unit", .aborted, "1,1 2,1 3,1 4,1"),
            ("unit", .failure, "1,1"), ("unit", .aborted, "1,1 3,1"), ("unit", .aborted, "1,1 3,1 4,1"),
            ("unit", .success, "2,1"), ("unit", .success, "2,1 3,1"), ("unit", .success, "2,1 3,1 4,1")))
        #expect(sim.reported == [ps("1,1")])
        #expect(sim.merged == [ps("2,1"), ps("3,1"), ps("4,1")])
    }

    @Test("Two genuine failures are both reported and the items behind them merge")
    func twoFailures() {
        // setup
        var sim = GateSimulation()
        sim.enqueue("1,1", "2,1", "3,1", "4,1")
        // act
        sim.complete("unit", of: "2,1", .failure)
        sim.complete("unit", of: "3,1", .failure)
        sim.completeAll()
        // check
        #expect(sim.history == runs(
            ("unit", .failure, "1,1 2,1"), ("unit", .aborted, "1,1 2,1 3,1"), ("unit", .aborted, "1,1 2,1 3,1 4,1"),
            ("unit", .failure, "1,1 3,1"), ("unit", .aborted, "1,1 3,1 4,1"),
            ("unit", .success, "1,1"), ("unit", .success, "1,1 4,1")))
        #expect(sim.merged == [ps("1,1"), ps("4,1")])
        #expect(sim.reported == [ps("2,1"), ps("3,1")])
        #expect(sim.queue.window.size == 6)  // 20 +1 → 21, ÷2 → 10, ÷2 → 5, +1 → 6
    }

    @Test("Failures of 2 and 4 make a tree: 3 builds on 1, 5 builds on 3")
    func nnfiTree() {
        // setup
        var sim = GateSimulation()
        sim.enqueue("1,1", "2,1", "3,1", "4,1", "5,1")
        // act
        sim.complete("unit", of: "2,1", .failure)
        sim.complete("unit", of: "4,1", .failure)
        // check: each item's parent in the NNFI tree
        let parents = sim.queue.items.map { "\($0.patchSet)←\($0.buildSet?.parent?.description ?? "tip")" }
        #expect(parents == ["1,1←tip", "2,1←1,1", "3,1←1,1", "4,1←3,1", "5,1←3,1"])
        #expect(sim.runningStacks == ["1,1", "1,1 3,1", "1,1 3,1 5,1"])
        // act
        sim.completeAll()
        // check
        #expect(sim.history == runs(
            ("unit", .failure, "1,1 2,1"), ("unit", .aborted, "1,1 2,1 3,1"), ("unit", .aborted, "1,1 2,1 3,1 4,1"),
            ("unit", .aborted, "1,1 2,1 3,1 4,1 5,1"),
            ("unit", .failure, "1,1 3,1 4,1"), ("unit", .aborted, "1,1 3,1 4,1 5,1"),
            ("unit", .success, "1,1"), ("unit", .success, "1,1 3,1"), ("unit", .success, "1,1 3,1 5,1")))
        #expect(sim.merged == [ps("1,1"), ps("3,1"), ps("5,1")])
        #expect(sim.reported == [ps("2,1"), ps("4,1")])
    }

    @Test("A flaky job is retried alone: no other job or item restarts, and the item merges")
    func flakeRetry() {
        // setup
        var sim = GateSimulation(retries: 1)
        sim.enqueue("1,1", "2,1", jobs: ["unit", "lint"])
        // act
        sim.complete("unit", of: "1,1", .failure)
        // check
        #expect(sim.actions.last == .startJob(item: ps("1,1"), job: "unit", generation: 1, attempt: 2))
        #expect(sim.queue.item(ps("1,1"))?.state(ofJob: "unit") == .running(attempt: 2))
        // act
        sim.completeAll()
        // check
        #expect(sim.history == runs(
            ("unit", .failure, "1,1"), ("lint", .success, "1,1"), ("unit", .success, "1,1 2,1"),
            ("lint", .success, "1,1 2,1"), ("unit", .success, "1,1")))
        #expect(sim.merged == [ps("1,1"), ps("2,1")])
        #expect(sim.queue.window.size == 22)
    }

    @Test("A job failing on every attempt fails its item after the retries", arguments: [
        (0, BuildResult.failure), (1, .failure), (2, .failure), (1, .timedOut),
    ])
    func retriesExhausted(retries: Int, result: BuildResult) {
        // setup
        var sim = GateSimulation(retries: retries)
        sim.enqueue("1,1", jobs: ["unit", "lint"])
        // act
        for _ in 0...retries { sim.complete("unit", of: "1,1", result) }
        // check: the item fails at the head, its other job is cancelled
        #expect(sim.history == Array(repeating: BuildRecord(job: "unit", result: result, changes: "1,1"), count: retries + 1)
            + runs(("lint", .aborted, "1,1")))
        #expect(sim.failures[ps("1,1")] == .jobsFailed(["unit"]))
        #expect(sim.merged.isEmpty)
    }
}
