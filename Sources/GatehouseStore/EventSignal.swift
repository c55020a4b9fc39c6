import Synchronization

/// Listeners told that events were committed. Only a nudge: every listener reads the log itself from the
/// last sequence number it saw, so a nudge lost to a crash costs latency, never an event.
package final class EventSignal: Sendable {
    private let listeners = Mutex<[@Sendable () -> Void]>([])

    init() {}

    package func listen(_ listener: @escaping @Sendable () -> Void) {
        listeners.withLock { $0.append(listener) }
    }

    func fire() {
        for listener in listeners.withLock({ $0 }) { listener() }
    }
}

/// Facts a write transaction collects for after its commit.
final class TransactionEffects: Sendable {
    private let events = Atomic<Bool>(false)

    var appendedEvents: Bool { events.load(ordering: .acquiring) }

    func noteAppendedEvent() { events.store(true, ordering: .releasing) }
}
