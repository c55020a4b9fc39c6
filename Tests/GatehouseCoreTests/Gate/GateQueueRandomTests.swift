import GatehouseCore
import Testing

/// Random event orders, checked only against the invariants `GateSimulation` asserts after every event (never
/// land an untested stack, never land twice, never lose an item), and then against the end state: once every
/// build passes, the queue drains, and what landed landed in approval order.
@Suite struct GateQueueRandomTests {
    /// A small deterministic generator (SplitMix64), so a failing seed replays exactly.
    struct SplitMix {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return Int((z ^ (z >> 31)) % UInt64(bound))
        }
    }

    @Test(
        "Random interleavings of results, dequeues, branch moves and slow merges keep every invariant",
        arguments: 0..<60)
    func randomRun(seed: Int) {
        // setup
        var random = SplitMix(state: UInt64(seed))
        var sim = GateSimulation(
            window: GateWindow(start: 1 + random.next(6), floor: 1, increase: random.next(3)),
            retries: random.next(3))
        sim.holdMerges = random.next(2) == 0
        let conflictSalt = random.next(7)
        sim.conflicts = { item, on in
            (item.change + on.count + conflictSalt) % 9 == 0 ? ["file\(item.change)"] : nil
        }
        let results: [BuildResult] = [.success, .success, .success, .failure, .timedOut, .aborted]
        var nextChange = 1
        // act
        for _ in 0..<60 {
            switch random.next(10) {
            case let roll where roll < 2 && nextChange <= 12:
                sim.enqueue("\(nextChange),1", jobs: random.next(2) == 0 ? ["unit"] : ["unit", "lint"])
                nextChange += 1
            case 2 where !sim.queue.items.isEmpty:
                let items = sim.queue.items
                sim.dequeue(items[random.next(items.count)].patchSet.description, reason: .approvalLost)
            case 3 where random.next(4) == 0:
                sim.moveBranchOutsideGate(notify: random.next(2) == 0)
            case 4 where sim.mergeInFlight != nil:
                sim.finishMerge()
            default:
                let running = sim.runningJobs
                guard !running.isEmpty else { continue }
                let build = running[random.next(running.count)]
                sim.complete(build.job, of: build.item, results[random.next(results.count)])
            }
        }
        sim.holdMerges = false
        if sim.mergeInFlight != nil { sim.finishMerge() }
        sim.runToCompletion()
        // check
        #expect(sim.queue.items.isEmpty, "seed \(seed) left \(sim.queue.items.map(\.patchSet))")
        #expect(sim.merged.map(\.change) == sim.merged.map(\.change).sorted(), "seed \(seed) merged out of order")
    }
}
