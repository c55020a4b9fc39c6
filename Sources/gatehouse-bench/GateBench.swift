import ArgumentParser
import Foundation
import GatehouseCore
import GatehouseGit
import GatehouseServer
import GatehouseStore
import GatehouseTesting

/// The gate's figures: makespan of N changes approved at once against the physical limit ⌈N/P⌉·T and the
/// serial N·T, builds per merge, the same with a share of genuinely failing changes against gating.md's
/// model, and the overhead from the last approval to MERGED with a no-op job.
struct GateBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "gate", abstract: "Gate makespan, builds per merge, approve-to-merged overhead.")

    @Option(help: "Changes approved at once.")
    var changes = 40

    @Option(help: "Executor slots.")
    var slots = 8

    @Option(help: "Seconds each gate job sleeps.")
    var seconds = 2

    @Option(help: "Share of changes that genuinely fail in the second run.")
    var failureRate = 0.1

    @Option(help: "Changes for the approve-to-merged overhead.")
    var overheadChanges = 20

    func run() async throws {
        let driver = try await GateBenchDriver.start(slots: slots)
        do {
            try await makespan(driver, project: "ideal", failing: [])
            var generator = SeededGenerator(seed: 42)
            let count = max(1, Int((Double(changes) * failureRate).rounded()))
            let failing = Set((1...changes).shuffled(using: &generator).prefix(count))
            try await makespan(driver, project: "failing", failing: failing)
            try await overhead(driver)
        } catch {
            await driver.stop()
            throw error
        }
        await driver.stop()
    }

    /// The check job passes at once (the failures are the kind a check does not catch); the gate job sleeps
    /// T and fails when a change's `broken-*` marker is in the tree.
    private func makespan(_ driver: GateBenchDriver, project: String, failing: Set<Int>) async throws {
        let work = try await driver.createProject(project, jobs: """
            jobs:
              - name: quick
                run: "true"
              - name: sleep
                run: sleep \(seconds) && ! ls broken-* >/dev/null 2>&1
            pipelines:
              check: [quick]
              gate: [sleep]
            """)
        var numbers: [Int] = []
        var broken: Set<Int> = []
        for index in 1...changes {
            let name = failing.contains(index) ? "broken-\(index)" : "file-\(index)"
            let number = try await driver.propose(work, project: project, subject: "Change \(index)", file: name, content: "\(index)\n")
            numbers.append(number)
            if failing.contains(index) { broken.insert(number) }
        }
        try await driver.waitForVerified(numbers)
        let clock = ContinuousClock()
        let start = clock.now
        try await withThrowingTaskGroup(of: Void.self) { group in
            for number in numbers { group.addTask { try await driver.approve(number) } }
            try await group.waitForAll()
        }
        try await driver.waitForEmptyGate()
        let makespan = clock.now - start
        var merged = 0
        var innocentEjected = 0
        var culpritsMerged = 0
        for number in numbers {
            let status = try await driver.status(number)
            if status == "MERGED" { merged += 1 }
            if status != "MERGED" && !broken.contains(number) { innocentEjected += 1 }
            if status == "MERGED" && broken.contains(number) { culpritsMerged += 1 }
        }
        let builds = try await driver.gateBuilds(project) - 1  // the configuration change's own build
        let limit = Double((changes + slots - 1) / slots * seconds)
        let serial = Double(changes * seconds)
        let measured = seconds(makespan)
        let f = Double(failing.count) / Double(changes)
        print("gate, \(project): N=\(changes) P=\(slots) T=\(seconds)s, \(failing.count) genuinely failing (f=\(format(f)))")
        print("  makespan            \(format(measured)) s")
        print("  limit ⌈N/P⌉·T       \(format(limit)) s     ratio \(format(measured / limit))x")
        if !failing.isEmpty {
            let model = Double((changes + slots - 1) / slots + failing.count) * Double(seconds)
            print("  model (⌈N/P⌉+e)·T   \(format(model)) s     ratio \(format(measured / model))x   (each failure is retried once: up to +e·T)")
        }
        print("  serial N·T          \(format(serial)) s     ratio \(format(measured / serial))x")
        print("  builds per merge    \(format(Double(builds) / Double(max(merged, 1))))  (\(builds) builds, \(merged) merges)")
        if !failing.isEmpty {
            let w = 20.0
            let model = w * f / ((1 - f) * (1 - pow(1 - f, w)))
            print("  model C(W=20)       \(format(model)) builds per merge (gating.md §c.2)")
        }
        print("  innocent ejected    \(innocentEjected)   culprits merged \(culpritsMerged)")
    }

    /// From the approval that completes the requirements to MERGED, with a job that does nothing.
    private func overhead(_ driver: GateBenchDriver) async throws {
        let work = try await driver.createProject("overhead", jobs: """
            jobs:
              - name: noop
                run: "true"
            pipelines:
              check: [noop]
              gate: [noop]
            """)
        var sample = Sample()
        var jobs = Sample()
        for index in 1...overheadChanges {
            let number = try await driver.propose(work, project: "overhead", subject: "Change \(index)", file: "f\(index)", content: "\(index)\n")
            try await driver.waitForVerified([number])
            let clock = ContinuousClock()
            let start = clock.now
            try await driver.approve(number)
            try await driver.waitUntil("change \(number) to merge", poll: .milliseconds(2)) { try await driver.status(number) == "MERGED" }
            sample.add(clock.now - start)
            let job = try await driver.server.server.store.read { tx in
                try await tx.builds(ofChange: number).last { $0.pipeline == .gate && $0.result == .success }
            }
            if let job, let end = job.endedAt {
                jobs.add(.nanoseconds(end.nanosecondsSinceEpoch - job.startedAt.nanosecondsSinceEpoch))
            }
        }
        print("gate, approve → MERGED with a no-op job, \(overheadChanges) changes:")
        print("  p50 \(format(sample.median)) ms   p90 \(format(sample.percentile(90))) ms   (goal p50 ≤ 250 ms)")
        print("  of which the no-op build itself (checkout + sandbox): p50 \(format(jobs.median)) ms")
    }

    private func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}

/// A small deterministic generator, so the seeded failures are the same in every run.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
