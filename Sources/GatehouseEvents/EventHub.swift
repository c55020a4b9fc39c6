package import GatehouseCore
package import GatehouseStore
package import Logging

/// The newest part of the event log, held in memory for the streams that follow it live.
///
/// One query per commit feeds every connected client, instead of one per client; a client that asks for
/// something older than the memory holds (a resume from `Last-Event-ID`, a replay from `since=0`) reads the
/// database instead. Memory is bounded by `capacity` events whatever the clients do: nothing is queued per
/// client, each one pulls the next batch after its last write went out.
package actor EventHub {
    private let store: Store
    private let logger: Logger
    private let capacity: Int
    /// Ascending by `seq`, without gaps: everything after `recent.first.seq - 1` up to `head`.
    private var recent: [Event] = []
    /// The newest committed sequence number known here.
    package private(set) var head = 0
    private var refreshing = false
    private var dirty = false
    private var waiters: [Int: CheckedContinuation<Void, Never>] = [:]
    private var nextWaiter = 0
    /// Set when the server shuts down: streams end, so the graceful shutdown does not wait for them forever.
    package private(set) var isClosed = false
    /// Streams being served right now, for `/metrics`.
    package private(set) var streams = 0

    package init(store: Store, capacity: Int = 10_000, logger: Logger) {
        self.store = store
        self.capacity = capacity
        self.logger = logger
    }

    /// Reads the current end of the log and starts listening for commits. Call once before serving.
    package func start() async throws {
        head = try await store.read { try await $0.lastEventSeq() }
        store.eventsCommitted.listen { [weak self] in
            guard let self else { return }
            Task { await self.refresh() }
        }
    }

    /// Polls as a safety net: a commit whose nudge was lost (or made by another process) still arrives.
    /// Returns when cancelled (the server is shutting down), and closes the hub.
    package func run(pollInterval: Duration = .seconds(1)) async {
        while !Task.isCancelled {
            try? await Task.sleep(for: pollInterval)
            await refresh()
        }
        close()
    }

    /// Ends every stream: waiting readers wake and find the hub closed.
    package func close() {
        isClosed = true
        wakeWaiters()
    }

    private func wakeWaiters() {
        let woken = waiters
        waiters = [:]
        for continuation in woken.values { continuation.resume() }
    }

    /// Reads what was committed after `head`; concurrent calls coalesce into one more round.
    package func refresh() async {
        if refreshing {
            dirty = true
            return
        }
        refreshing = true
        defer { refreshing = false }
        repeat {
            dirty = false
            do {
                while true {
                    let batch = try await store.read { [head] tx in try await tx.events(after: head, limit: 1000) }
                    guard let last = batch.last else { break }
                    if recent.last.map({ $0.seq == batch[0].seq - 1 }) ?? true { recent += batch } else { recent = batch }
                    head = last.seq
                    if recent.count > capacity { recent.removeFirst(recent.count - capacity) }
                    if batch.count < 1000 { break }
                }
            } catch is CancellationError {
                return
            } catch {
                logger.error("events: reading the log failed: \(error)")
            }
            wakeWaiters()
        } while dirty
    }

    /// Up to `limit` events after `seq`, oldest first: from memory when it reaches back that far.
    package func events(after seq: Int, limit: Int) async throws -> [Event] {
        guard seq < head else { return [] }
        if let first = recent.first, seq >= first.seq - 1 {
            let start = seq - (first.seq - 1)
            return Array(recent[start..<min(recent.count, start + limit)])
        }
        return try await store.read { tx in try await tx.events(after: seq, limit: limit) }
    }

    package func streamOpened() { streams += 1 }

    package func streamClosed() { streams -= 1 }

    /// How far behind `head` a reader at `seq` is.
    package func lag(of seq: Int) -> Int { max(0, head - seq) }

    /// Returns once an event after `seq` is known, or when the calling task is cancelled.
    package func waitForEvents(after seq: Int) async {
        guard seq >= head, !isClosed else { return }
        let id = nextWaiter
        nextWaiter += 1
        await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                if Task.isCancelled { continuation.resume() } else { waiters[id] = continuation }
            }
        } onCancel: {
            Task { await self.cancelWaiter(id) }
        }
    }

    private func cancelWaiter(_ id: Int) {
        waiters.removeValue(forKey: id)?.resume()
    }
}
