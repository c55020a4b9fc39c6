import Synchronization

/// A fixed set of connections lent out one task at a time, waiters served first come, first served.
///
/// SQLite connections are not safe to share between concurrent transactions (a BEGIN from one task would
/// swallow another's statements), so each transaction borrows a connection for its whole length. A lock
/// rather than an actor: the common case, an idle connection, is then a call without a suspension.
final class ConnectionPool<Connection: Sendable>: Sendable {
    private struct State {
        var idle: [Connection]
        var waiters: [CheckedContinuation<Connection, Never>] = []
    }

    private let state: Mutex<State>

    init(_ connections: [Connection]) {
        self.state = Mutex(State(idle: connections))
    }

    func checkout() async -> Connection {
        if let connection = state.withLock({ $0.idle.popLast() }) { return connection }
        return await withCheckedContinuation { continuation in
            let connection = state.withLock { state -> Connection? in
                if let connection = state.idle.popLast() { return connection }
                state.waiters.append(continuation)
                return nil
            }
            if let connection { continuation.resume(returning: connection) }
        }
    }

    func checkin(_ connection: Connection) {
        let waiter = state.withLock { state -> CheckedContinuation<Connection, Never>? in
            guard !state.waiters.isEmpty else {
                state.idle.append(connection)
                return nil
            }
            return state.waiters.removeFirst()
        }
        waiter?.resume(returning: connection)
    }

    /// Takes every connection back for shutdown; waits for borrowed ones to return.
    func drain(count: Int) async -> [Connection] {
        var all: [Connection] = []
        while all.count < count { all.append(await checkout()) }
        return all
    }
}
