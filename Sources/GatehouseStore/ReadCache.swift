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
        /// Keys in the order they were stored, the oldest at `oldest`: a full cache drops the oldest answer
        /// only, so a set of questions a little larger than the cache still mostly hits.
        var order: [Key] = []
        var oldest = 0
    }

    private let state = Mutex(State())
    private let capacity: Int

    /// At most `capacity` answers (at least one) are kept; when full, storing one drops the oldest.
    package init(capacity: Int) {
        self.capacity = max(capacity, 1)
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
            guard state.entries.updateValue(value, forKey: key) == nil else { return }
            if state.order.count < capacity {
                state.order.append(key)
            } else {
                state.entries[state.order[state.oldest]] = nil
                state.order[state.oldest] = key
                state.oldest = (state.oldest + 1) % capacity
            }
        }
    }
}
