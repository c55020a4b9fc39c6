import Synchronization
package import GatehouseCore

/// Tells whoever listens (the gate's scheduler) that a change was written, right after the commit.
///
/// Only a nudge for latency: listeners read what changed from the database, and poll it as well, so a lost
/// nudge (or a crash right after the commit) delays the pipelines by one poll but loses nothing.
package final class ChangeNotifier: Sendable {
    private let listeners = Mutex<[@Sendable (Change.Number) -> Void]>([])

    package init() {}

    package func listen(_ listener: @escaping @Sendable (Change.Number) -> Void) {
        listeners.withLock { $0.append(listener) }
    }

    package func changed(_ number: Change.Number) {
        for listener in listeners.withLock({ $0 }) { listener(number) }
    }
}
