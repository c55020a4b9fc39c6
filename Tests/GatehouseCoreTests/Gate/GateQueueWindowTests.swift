import GatehouseCore
import Testing

@Suite struct GateQueueWindowTests {
    @Test("Items beyond the window wait, and start as the window grows with each merge")
    func waitingItemsStart() {
        // setup
        var sim = GateSimulation(window: GateWindow(start: 2, floor: 1))
        // act
        sim.enqueue("1,1", "2,1", "3,1", "4,1")
        // check
        #expect(sim.runningStacks == ["1,1", "1,1 2,1"])
        #expect(sim.queue.items.map(\.isWaiting) == [false, false, true, true])
        // act
        sim.completeAll()
        #expect(sim.runningStacks == ["2,1 3,1", "2,1 3,1 4,1"])
        sim.completeAll()
        // check
        #expect(sim.history == runs(("unit", .success, "1,1"), ("unit", .success, "1,1 2,1"),
            ("unit", .success, "2,1 3,1"), ("unit", .success, "2,1 3,1 4,1")))
        #expect(sim.merged == ["1,1", "2,1", "3,1", "4,1"].map(ps))
        #expect(sim.queue.window.size == 6)
    }

    @Test("A failure at the head halves the window; items pushed beyond it are cancelled and wait")
    func failureShrinks() {
        // setup
        var sim = GateSimulation(window: GateWindow(start: 4, floor: 2))
        sim.enqueue("1,1", "2,1", "3,1", "4,1", "5,1", "6,1")
        #expect(sim.runningStacks == ["1,1", "1,1 2,1", "1,1 2,1 3,1", "1,1 2,1 3,1 4,1"])
        // act
        sim.complete("unit", of: "1,1", .failure)
        // check
        #expect(sim.queue.window.size == 2)
        #expect(sim.runningStacks == ["2,1", "2,1 3,1"])
        #expect(sim.queue.items.map(\.isWaiting) == [false, false, true, true, true])
        // act
        sim.runToCompletion()
        // check
        #expect(sim.history == runs(
            ("unit", .failure, "1,1"), ("unit", .aborted, "1,1 2,1"), ("unit", .aborted, "1,1 2,1 3,1"),
            ("unit", .aborted, "1,1 2,1 3,1 4,1"),
            ("unit", .success, "2,1"), ("unit", .success, "2,1 3,1"),
            ("unit", .success, "3,1 4,1"), ("unit", .success, "3,1 4,1 5,1"), ("unit", .success, "4,1 5,1 6,1")))
        #expect(sim.merged == ["2,1", "3,1", "4,1", "5,1", "6,1"].map(ps))
        #expect(sim.queue.window.size == 7)
    }

    @Test("A shrinking window leaves builds already running beyond it alone")
    func shrinkCancelsNothing() {
        // setup: 2 fails, so 3…6 rebuild on 1 and do not depend on 2's fate
        var sim = GateSimulation(window: GateWindow(start: 6, floor: 1))
        sim.enqueue("1,1", "2,1", "3,1", "4,1", "5,1", "6,1")
        sim.complete("unit", of: "2,1", .failure)
        let before = sim.history
        // act: 1 merges (window 7), then 2 is blamed at the head (window 3)
        sim.complete("unit", of: "1,1", .success)
        // check: 6 is now fourth, beyond the window, and still running
        #expect(sim.queue.window.size == 3)
        #expect(sim.history == before + runs(("unit", .success, "1,1")))
        #expect(sim.runningStacks == ["1,1 3,1", "1,1 3,1 4,1", "1,1 3,1 4,1 5,1", "1,1 3,1 4,1 5,1 6,1"])
        sim.runToCompletion()
        #expect(sim.merged == ["1,1", "3,1", "4,1", "5,1", "6,1"].map(ps))
    }

    @Test("The window grows per merge up to its ceiling and divides per failure down to its floor", arguments: [
        (GateWindow(), "+++", [21, 22, 23]),
        (GateWindow(), "----", [10, 5, 3, 3]),
        (GateWindow(start: 3, floor: 3, ceiling: 4), "+++-", [4, 4, 4, 3]),
        (GateWindow(start: 8, floor: 1, increase: 2, decreaseFactor: 4), "+--+", [10, 2, 1, 3]),
        (GateWindow(start: 5, floor: 1, decreaseFactor: 1), "--", [5, 5]),
    ])
    func windowArithmetic(window: GateWindow, events: String, sizes: [Int]) {
        // setup
        var window = window
        // act
        let observed = events.map { event in
            if event == "+" { window.itemMerged() } else { window.itemFailed() }
            return window.size
        }
        // check
        #expect(observed == sizes)
    }

    @Test("A merge conflict reported at the head does not shrink the window")
    func conflictKeepsWindow() {
        // setup
        var sim = GateSimulation(window: GateWindow(start: 4, floor: 1))
        sim.conflicts = { item, _ in item == ps("1,1") ? ["README"] : nil }
        // act
        sim.enqueue("1,1", "2,1")
        sim.runToCompletion()
        // check
        #expect(sim.reported == [ps("1,1")])
        #expect(sim.queue.window.size == 5)
    }
}
