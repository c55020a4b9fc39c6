import Synchronization

/// Which of the store's statements run prepared, and under what name, for every connection of one connector.
///
/// PostgreSQL parses and plans an unnamed statement each time it runs: for the short lookups a change page is
/// made of, that is most of the server's work (on two cores, pgbench's single-row SELECTs run 25,600 a second
/// unnamed and 41,100 prepared; PostgreSQL's CPU for a change page halved). A statement seen a second time gets
/// a name; postgres-nio then prepares it once on each connection that runs it and afterwards only binds and
/// executes it.
///
/// A statement seen once stays unnamed (preparing is a round trip of its own, wasted on a one-off such as a
/// migration). Both sets are bounded, because every prepared statement holds memory in each server process
/// for as long as its connection lives: past `capacity` names, new statements simply run unnamed.
final class StatementCatalog: Sendable {
    /// What identifies a prepared statement: its text and the types its parameters were declared with.
    struct Key: Hashable, Sendable {
        let sql: String
        let types: [UInt32]
    }

    private struct State {
        var names: [Key: String] = [:]
        var seenOnce: Set<Key> = []
    }

    private let state = Mutex(State())
    private let capacity: Int
    private let seenCapacity: Int

    init(capacity: Int = 400, seenCapacity: Int = 4_096) {
        self.capacity = capacity
        self.seenCapacity = seenCapacity
    }

    /// The name to run `key` under, or nil to run it unnamed this time.
    func name(for key: Key) -> String? {
        state.withLock { state in
            if let name = state.names[key] { return name }
            guard state.names.count < capacity else { return nil }
            if state.seenOnce.remove(key) != nil {
                let name = "gatehouse_\(state.names.count + 1)"
                state.names[key] = name
                return name
            }
            if state.seenOnce.count >= seenCapacity { state.seenOnce.removeAll(keepingCapacity: true) }
            state.seenOnce.insert(key)
            return nil
        }
    }
}
