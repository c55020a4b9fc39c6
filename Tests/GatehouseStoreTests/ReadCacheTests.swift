import GatehouseStore
import GatehouseTesting
import SQLKit
import Testing

/// The rules that keep a cached answer from outliving the write that changed it.
@Suite struct ReadCacheTests {
    @Test("an answer is served only to readers of the generation it was computed in")
    func generations() {
        let cache = ReadCache<String, Int>(capacity: 10)
        cache.store(1, for: "q", generation: 3)
        #expect(cache.value(for: "q", generation: 3) == 1)
        #expect(cache.value(for: "q", generation: 4) == nil, "a write happened since")
        cache.store(2, for: "q", generation: 4)
        #expect(cache.value(for: "q", generation: 4) == 2)
        // A slow reader that began before the write comes back with an answer from the old snapshot.
        cache.store(9, for: "q", generation: 3)
        #expect(cache.value(for: "q", generation: 4) == 2)
        #expect(cache.value(for: "q", generation: 3) == nil)
    }

    @Test("a full cache drops its oldest answer, and only that one")
    func capacity() {
        let cache = ReadCache<Int, Int>(capacity: 3)
        for key in 0..<3 { cache.store(key, for: key, generation: 1) }
        #expect((0..<3).allSatisfy { cache.value(for: $0, generation: 1) == $0 })
        cache.store(10, for: 1, generation: 1)  // a new answer to a kept question takes no room
        cache.store(3, for: 3, generation: 1)
        #expect((0..<4).map { cache.value(for: $0, generation: 1) } == [nil, 10, 2, 3])
        for key in 4..<9 { cache.store(key, for: key, generation: 1) }
        #expect((0..<9).map { cache.value(for: $0, generation: 1) } == [nil, nil, nil, nil, nil, nil, 6, 7, 8])
        // A new generation starts empty, with the whole capacity.
        for key in 0..<3 { cache.store(key, for: key, generation: 2) }
        #expect((0..<9).map { cache.value(for: $0, generation: 2) } == [0, 1, 2, nil, nil, nil, nil, nil, nil])
    }

    @Test("every write ends a generation, also one that fails", arguments: TestBackend.available)
    func writesAdvanceTheGeneration(backend: TestBackend) async throws {
        try await TestDatabase.withStore(backend) { store in
            let before = store.generation
            _ = try await store.read { tx in try await tx.sql.raw("SELECT 1 AS one").first() }
            #expect(store.generation == before, "reads do not")
            try await store.write { tx in try await tx.sql.raw("UPDATE counters SET value = value WHERE name = 'none'").run() }
            #expect(store.generation == before + 1)
            await #expect(throws: (any Error).self) {
                try await store.write { tx in try await tx.sql.raw("INSERT INTO no_such_table VALUES (1)").run() }
            }
            #expect(store.generation == before + 2)
        }
    }
}
