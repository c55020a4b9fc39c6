import GatehouseCore
import GatehouseStore
import GatehouseTesting
import Synchronization
import Testing

/// The event log's contract, on both backends: numbers in commit order, nothing from a rolled-back write,
/// webhook deliveries queued with their event.
@Suite struct EventLogTests {
    let now = Timestamp(secondsSinceEpoch: 1_700_000_000)

    @Test("concurrent writers get gapless sequence numbers, and readers never see a later one before an earlier", arguments: TestBackend.available)
    func sequenceInCommitOrder(backend: TestBackend) async throws {
        try await TestDatabase.withStore(backend) { [now] store in
            let project = try ProjectName("proj")
            try await store.write { tx in
                try await tx.insertProject(Project(name: project, description: nil, isPrivate: false, headBranch: try BranchName("main"), createdAt: now))
            }
            // A reader polls while 40 writers append; every batch it reads must continue where the last ended.
            let stop = Atomic<Bool>(false)
            let reader = Task {
                var seen = 0
                var gaps = 0
                while !stop.load(ordering: .acquiring) {
                    let after = seen
                    for event in try await store.read({ tx in try await tx.events(after: after, limit: 1000) }) {
                        if event.seq != seen + 1 { gaps += 1 }
                        seen = event.seq
                    }
                }
                return gaps
            }
            try await withThrowingTaskGroup(of: Void.self) { group in
                for index in 0..<40 {
                    group.addTask {
                        _ = try await store.write { tx in
                            try await tx.appendEvent(.topicChanged, project: project, change: index, payload: { "{\"seq\":\($0)}" }, now: now)
                        }
                    }
                }
                try await group.waitForAll()
            }
            stop.store(true, ordering: .releasing)
            #expect(try await reader.value == 0)
            let all = try await store.read { tx in try await tx.events(after: 0, limit: 100) }
            #expect(all.map(\.seq) == Array(1...40))
            #expect(all.allSatisfy { $0.payload == "{\"seq\":\($0.seq)}" })
            #expect(try await store.read { try await $0.lastEventSeq() } == 40)
        }
    }

    @Test("an event appended in a transaction that rolls back is gone, and its number is reused", arguments: TestBackend.available)
    func rollbackLeavesNoEvent(backend: TestBackend) async throws {
        struct Boom: Error {}
        try await TestDatabase.withStore(backend) { [now] store in
            let fired = Atomic<Int>(0)
            store.eventsCommitted.listen { fired.add(1, ordering: .relaxed) }
            await #expect(throws: Boom.self) {
                try await store.write { tx in
                    try await tx.appendEvent(.commentAdded, project: nil, change: nil, payload: { _ in "{}" }, now: now)
                    throw Boom()
                }
            }
            #expect(try await store.read { try await $0.lastEventSeq() } == 0)
            #expect(fired.load(ordering: .relaxed) == 0)
            let event = try await store.write { tx in
                try await tx.appendEvent(.commentAdded, project: nil, change: 7, payload: { _ in "{}" }, now: now)
            }
            #expect(event.seq == 1)
            #expect(fired.load(ordering: .relaxed) == 1)
        }
    }

    @Test("each event queues one delivery per webhook of its project that wants its type", arguments: TestBackend.available)
    func deliveriesQueuedWithEvent(backend: TestBackend) async throws {
        try await TestDatabase.withStore(backend) { [now] store in
            let (app, other) = (try ProjectName("app"), try ProjectName("other"))
            let (all, mergedOnly) = try await store.write { tx in
                let admin = try await tx.insertAccount(username: "admin", fullName: nil, email: nil, now: now)
                for name in [app, other] {
                    try await tx.insertProject(Project(name: name, description: nil, isPrivate: false, headBranch: try BranchName("main"), createdAt: now))
                }
                let all = try await tx.insertWebhook(project: app, url: "http://a", secret: "s", eventTypes: [], createdBy: admin.id, now: now)
                let merged = try await tx.insertWebhook(
                    project: app, url: "http://b", secret: "s", eventTypes: [.changeMerged], createdBy: admin.id, now: now)
                _ = try await tx.insertWebhook(project: other, url: "http://c", secret: "s", eventTypes: [], createdBy: admin.id, now: now)
                return (all, merged)
            }
            try await store.write { tx in
                try await tx.appendEvent(.commentAdded, project: app, change: 1, payload: { _ in "{}" }, now: now)
                try await tx.appendEvent(.changeMerged, project: app, change: 1, payload: { _ in "{}" }, now: now)
            }
            try await store.read { tx in
                #expect(try await tx.deliveries(of: all.id, limit: 10).map(\.eventSeq) == [2, 1])
                #expect(try await tx.deliveries(of: mergedOnly.id, limit: 10).map(\.eventSeq) == [2])
                let due = try await tx.dueDeliveries(now: now, limit: 10)
                #expect(due.count == 3)
                #expect(due.allSatisfy { $0.state == .pending && $0.attempts == 0 })
                #expect(try await tx.webhooks(of: app).map(\.eventTypes) == [[], [.changeMerged]])
            }
        }
    }
}
