/// A fixed set of connections lent out one task at a time, waiters served first come, first served.
///
/// SQLite connections are not safe to share between concurrent transactions (a BEGIN from one task would
/// swallow another's statements), so each transaction borrows a connection for its whole length.
actor ConnectionPool<Connection: Sendable> {
    private var idle: [Connection]
    private var waiters: [CheckedContinuation<Connection, Never>] = []

    init(_ connections: [Connection]) {
        self.idle = connections
    }

    func checkout() async -> Connection {
        if let connection = idle.popLast() { return connection }
        return await withCheckedContinuation { waiters.append($0) }
    }

    func checkin(_ connection: Connection) {
        if waiters.isEmpty {
            idle.append(connection)
        } else {
            waiters.removeFirst().resume(returning: connection)
        }
    }

    /// Takes every connection back for shutdown; waits for borrowed ones to return.
    func drain(count: Int) async -> [Connection] {
        var all: [Connection] = []
        while all.count < count { all.append(await checkout()) }
        return all
    }
}
