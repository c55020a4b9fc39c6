import Synchronization

/// Answers computed from the database, kept until the next write transaction ends.
///
/// For reads that clients repeat: a dashboard or a bot polling `status:open project:X` asks the same question
/// many times between two writes, and the answer cannot change in between. Any write ends every entry, so
/// nothing here needs to know which tables an answer read; under a steady stream of writes the cache simply
/// stops hitting.
///
/// Read ``Store/generation`` before the read transaction begins and pass it to both calls. An answer computed
/// from a snapshot that may predate a write is then never stored or served after that write: the write bumps
/// the generation after its commit and before its caller hears of it, so a client that wrote and then reads
/// always misses.
package final class ReadCache<Key: Hashable & Sendable, Value: Sendable>: Sendable {
    private struct State {
        var generation: UInt64 = 0
        var entries: [Key: Value] = [:]
    }

    private let state = Mutex(State())
    private let capacity: Int

    /// At most `capacity` answers are kept; when full, the cache starts over (answers are cheap to recompute).
    package init(capacity: Int) {
        self.capacity = capacity
    }

    package func value(for key: Key, generation: UInt64) -> Value? {
        state.withLock { $0.generation == generation ? $0.entries[key] : nil }
    }

    package func store(_ value: Value, for key: Key, generation: UInt64) {
        state.withLock { state in
            if generation > state.generation {
                state = State(generation: generation)
            }
            guard generation == state.generation else { return }  // computed before a later write: stale
            if state.entries.count >= capacity { state.entries.removeAll(keepingCapacity: true) }
            state.entries[key] = value
        }
    }
}
