import GatehouseCore
import Testing

@Suite struct GateQueueEventTests {
    @Test("A change that conflicts with the tip fails at once, without a build, and is blamed at the head")
    func ownMergeConflict() {
        // setup
        var sim = GateSimulation()
        sim.conflicts = { item, _ in item == ps("2,1") ? ["README", "Sources/App.swift"] : nil }
        // act
        sim.enqueue("1,1", "2,1", "3,1")
        // check: 3 is already built without 2
        #expect(sim.runningStacks == ["1,1", "1,1 3,1"])
        // act
        sim.runToCompletion()
        // check
        #expect(sim.history == runs(("unit", .success, "1,1"), ("unit", .success, "1,1 3,1")))
        #expect(sim.merged == [ps("1,1"), ps("3,1")])
        #expect(sim.failures[ps("2,1")]?.description == "merge conflict in README, Sources/App.swift")
    }

    @Test("A conflict with a failing item ahead is forgiven: the item is rebuilt without it")
    func conflictWithFailingItemAhead() {
        // setup: 3 conflicts only on top of 2
        var sim = GateSimulation()
        sim.conflicts = { item, on in item == ps("3,1") && on.contains(ps("2,1")) ? ["lib.swift"] : nil }
        sim.enqueue("1,1", "2,1", "3,1")
        #expect(sim.queue.item(ps("3,1"))?.failure == .mergeConflict(files: ["lib.swift"]))
        // act
        sim.complete("unit", of: "2,1", .failure)
        sim.runToCompletion()
        // check
        #expect(sim.history == runs(("unit", .failure, "1,1 2,1"), ("unit", .success, "1,1"),
            ("unit", .success, "1,1 3,1")))
        #expect(sim.merged == [ps("1,1"), ps("3,1")])
        #expect(sim.reported == [ps("2,1")])
    }

    @Test("A dequeued item's builds are cancelled and only the items behind it restart", arguments: [
        ("1,1", ["1,1", "1,1 2,1", "1,1 2,1 3,1"], ["2,1", "2,1 3,1"]),
        ("2,1", ["1,1 2,1", "1,1 2,1 3,1"], ["1,1", "1,1 3,1"]),
        ("3,1", ["1,1 2,1 3,1"], ["1,1", "1,1 2,1"]),
    ])
    func dequeue(item: String, aborted: [String], running: [String]) {
        // setup
        var sim = GateSimulation()
        sim.enqueue("1,1", "2,1", "3,1")
        // act
        sim.dequeue(item, reason: .abandoned)
        // check
        #expect(sim.history == aborted.map { BuildRecord(job: "unit", result: .aborted, changes: $0) })
        #expect(sim.runningStacks == running)
        #expect(sim.dequeued == [ps(item)])
        sim.runToCompletion()
        #expect(sim.merged == ["1,1", "2,1", "3,1"].map(ps).filter { $0 != ps(item) })
    }

    @Test("Dequeueing an item waiting outside the window cancels nothing")
    func dequeueWaiting() {
        // setup
        var sim = GateSimulation(window: GateWindow(start: 1, floor: 1))
        sim.enqueue("1,1", "2,1")
        let before = sim.actions.count
        // act
        sim.dequeue("2,1", reason: .approvalLost)
        // check
        #expect(Array(sim.actions.dropFirst(before)) == [.dequeued(item: ps("2,1"), reason: .approvalLost)])
        #expect(sim.runningStacks == ["1,1"])
    }

    @Test("A dequeue during the head's merge waits for its outcome", arguments: [false, true])
    func dequeueDuringMerge(branchMoved: Bool) {
        // setup
        var sim = GateSimulation()
        sim.holdMerges = true
        sim.enqueue("1,1", "2,1")
        sim.complete("unit", of: "1,1", .success)
        let before = sim.actions.count
        // act
        sim.dequeue("1,1", reason: .abandoned)
        #expect(sim.actions.count == before)
        if branchMoved { sim.moveBranchOutsideGate(notify: false) }
        sim.holdMerges = false
        sim.finishMerge()
        sim.runToCompletion()
        // check: the merge wins if it landed; otherwise the dequeue takes effect and 2 is rebuilt alone
        #expect(sim.merged == (branchMoved ? [ps("2,1")] : [ps("1,1"), ps("2,1")]))
        #expect(sim.dequeued == (branchMoved ? [ps("1,1")] : []))
        #expect(sim.history.last == BuildRecord(job: "unit", result: .success, changes: branchMoved ? "2,1" : "1,1 2,1"))
    }

    @Test("A branch moved outside the gate is found at the merge and every item restarts on the new tip")
    func mergeRejected() {
        // setup
        var sim = GateSimulation()
        sim.enqueue("1,1", "2,1", "3,1")
        sim.moveBranchOutsideGate(notify: false)
        // act
        sim.completeAll()
        sim.runToCompletion()
        // check
        #expect(sim.history == runs(
            ("unit", .success, "1,1"), ("unit", .aborted, "1,1 2,1"), ("unit", .aborted, "1,1 2,1 3,1"),
            ("unit", .success, "1,1"), ("unit", .success, "1,1 2,1"), ("unit", .success, "1,1 2,1 3,1")))
        #expect(sim.branch == ["external", "1,1", "2,1", "3,1"])
        #expect(sim.queue.window.size == 23)
    }

    @Test("A branch move the scheduler notices restarts every item before any merge is tried")
    func branchMoved() {
        // setup
        var sim = GateSimulation()
        sim.enqueue("1,1", "2,1")
        // act
        sim.moveBranchOutsideGate(notify: true)
        sim.runToCompletion()
        // check
        #expect(sim.history == runs(("unit", .aborted, "1,1"), ("unit", .aborted, "1,1 2,1"),
            ("unit", .success, "1,1"), ("unit", .success, "1,1 2,1")))
        #expect(sim.actions.filter { if case .merge = $0 { true } else { false } }.count == 2)
    }

    /// Reports the queue must ignore once 2,1 has been rebuilt from generation 2 to a later one.
    enum StaleReport: CaseIterable {
        case buildOfOldGeneration, mergePreparedOfOldGeneration, conflictOfOldGeneration, unknownItem, unknownJob

        func send(to queue: inout GateQueue) -> [GateAction] {
            switch self {
            case .buildOfOldGeneration: queue.buildCompleted(ps("2,1"), generation: 2, job: "unit", result: .failure)
            case .mergePreparedOfOldGeneration: queue.mergePrepared(ps("2,1"), generation: 2)
            case .conflictOfOldGeneration: queue.mergeConflicted(ps("2,1"), generation: 2, files: ["a"])
            case .unknownItem: queue.buildCompleted(ps("9,1"), generation: 4, job: "unit", result: .failure)
            case .unknownJob: queue.buildCompleted(ps("2,1"), generation: 3, job: "lint", result: .failure)
            }
        }
    }

    @Test("Stale and unknown reports change nothing", arguments: StaleReport.allCases)
    func staleReportsIgnored(report: StaleReport) {
        // setup: 1 fails, so 2 moves from generation 2 to generation 3
        var sim = GateSimulation()
        sim.enqueue("1,1", "2,1")
        sim.complete("unit", of: "1,1", .failure)
        #expect(sim.queue.item(ps("2,1"))?.generation == 3)
        let before = sim.queue
        // act
        var queue = sim.queue
        let actions = report.send(to: &queue)
        // check
        #expect(actions.isEmpty)
        #expect(queue == before)
    }

    @Test("A build the executor lost reruns as the same attempt")
    func lostBuildReruns() {
        // setup
        var sim = GateSimulation(retries: 1)
        sim.enqueue("1,1")
        // act
        sim.complete("unit", of: "1,1", .aborted)
        // check
        #expect(sim.actions.last == .startJob(item: ps("1,1"), job: "unit", generation: 1, attempt: 1))
        sim.runToCompletion()
        #expect(sim.merged == [ps("1,1")])
    }

    @Test("A change is queued once: the same or another patch set of a queued change is refused")
    func duplicateEnqueue() {
        // setup
        var sim = GateSimulation()
        sim.enqueue("1,1")
        // act
        var queue = sim.queue
        let again = queue.itemEnqueued(ps("1,1"), jobs: ["unit"])
        let newer = queue.itemEnqueued(ps("1,2"), jobs: ["unit"])
        // check
        #expect(again.isEmpty && newer.isEmpty)
        #expect(queue == sim.queue)
    }

    @Test("A change with no gate jobs is refused rather than landed untested")
    func noJobs() {
        // setup
        var queue = GateQueue()
        // act
        let actions = queue.itemEnqueued(ps("1,1"), jobs: [])
        // check
        #expect(actions == [.dequeued(item: ps("1,1"), reason: .noJobs)])
        #expect(queue.items.isEmpty)
    }
}
