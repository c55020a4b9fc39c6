import Synchronization

/// The executor's build slots: at most `count` builds run at once, and gate builds go before check builds.
///
/// The gate's builds are what stands between approved changes and trunk, so a free slot goes to the oldest
/// waiting gate build first (Zuul's pipeline precedence). A waiter that is cancelled leaves the line at once.
final class ExecutorSlots: Sendable {
    enum Priority: Sendable { case gate, check }

    private struct Waiter {
        let id: Int
        let priority: Priority
        let continuation: CheckedContinuation<Void, any Error>
    }

    private struct State {
        var free: Int
        var waiters: [Waiter] = []
        var nextID = 0
        var cancelledBeforeWaiting: Set<Int> = []
    }

    private let state: Mutex<State>
    let count: Int

    init(count: Int) {
        precondition(count >= 1, "an executor needs a slot")
        self.count = count
        self.state = Mutex(State(free: count))
    }

    /// Waits for a slot; throws `CancellationError` if the task is cancelled while waiting.
    func acquire(_ priority: Priority) async throws {
        let id = state.withLock { state in
            state.nextID += 1
            return state.nextID
        }
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                let resume: Bool? = state.withLock { state in
                    if state.cancelledBeforeWaiting.remove(id) != nil { return false }
                    if state.free > 0 && state.waiters.isEmpty {
                        state.free -= 1
                        return true
                    }
                    state.waiters.append(Waiter(id: id, priority: priority, continuation: continuation))
                    return nil
                }
                switch resume {
                case true?: continuation.resume()
                case false?: continuation.resume(throwing: CancellationError())
                case nil: break
                }
            }
        } onCancel: {
            let waiter: Waiter? = state.withLock { state in
                guard let index = state.waiters.firstIndex(where: { $0.id == id }) else {
                    state.cancelledBeforeWaiting.insert(id)
                    return nil
                }
                return state.waiters.remove(at: index)
            }
            waiter?.continuation.resume(throwing: CancellationError())
        }
        state.withLock { _ = $0.cancelledBeforeWaiting.remove(id) }
    }

    /// Gives a slot back, to the first gate waiter if there is one, else the first check waiter.
    func release() {
        let next: Waiter? = state.withLock { state in
            let index = state.waiters.firstIndex { $0.priority == .gate } ?? state.waiters.indices.first
            guard let index else {
                state.free += 1
                return nil
            }
            return state.waiters.remove(at: index)
        }
        next?.continuation.resume()
    }

    /// Runs `body` holding a slot.
    func withSlot<T: Sendable>(_ priority: Priority, _ body: () async throws -> T) async throws -> T {
        try await acquire(priority)
        defer { release() }
        return try await body()
    }
}
