import AsyncHTTPClient
import Foundation
package import GatehouseCore
package import GatehouseStore
package import Logging
import NIOCore
import NIOHTTP1

/// Delivers webhook events in the background, never on a request's path.
///
/// The delivery rows are written with their events, so the worker only has to find the due ones: after a
/// crash it simply finds them again. An attempt counts as delivered on any 2xx answer; anything else (an
/// error status, a refused connection, no answer within `timeout`) schedules the next attempt by
/// ``RetryPolicy``, until it gives up and marks the delivery failed. Redirects are not followed: a receiver
/// that moved must be edited, not chased (and a redirect could point back at this server).
package actor WebhookWorker {
    private let store: Store
    private let logger: Logger
    private let policy: RetryPolicy
    private let timeout: Duration
    private let clock: @Sendable () -> Timestamp
    /// Made by `run()` and shut down when it returns, so a worker that never ran owns no connections.
    private var client: HTTPClient?
    private let wake = WakeSignal()
    private let concurrency = 8

    package init(
        store: Store, policy: RetryPolicy, timeout: Duration = .seconds(10), clock: @escaping @Sendable () -> Timestamp, logger: Logger
    ) {
        self.store = store
        self.policy = policy
        self.timeout = timeout
        self.clock = clock
        self.logger = logger
    }

    /// Every committed event may have queued deliveries; and an administrator's redelivery wakes us too.
    package nonisolated func nudge() { wake.signal() }

    package func run() async {
        var configuration = HTTPClient.Configuration(redirectConfiguration: .disallow, timeout: .init(connect: .seconds(5)))
        configuration.httpVersion = .http1Only
        let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
        self.client = client
        store.eventsCommitted.listen { [weak self] in self?.nudge() }
        while !Task.isCancelled {
            let pause = await pass()
            await wake.wait(timeout: pause)
        }
        self.client = nil
        try? await client.shutdown()
    }

    /// Attempts up to a batch of due deliveries, `concurrency` at a time; returns how long to sleep before the
    /// next one falls due (at least 10 ms, so a delivery whose outcome cannot be recorded is not retried in a
    /// tight loop; at most a second, which also covers nudges from other processes).
    private func pass() async -> Duration {
        let batch = 64
        do {
            let now = clock()
            // One pass at a time (the loop awaits each), so no delivery is attempted twice at once.
            let due = try await store.read { tx in try await tx.dueDeliveries(now: now, limit: batch) }
            await withTaskGroup(of: Void.self) { group in
                var running = 0
                for delivery in due {
                    if running == concurrency {
                        await group.next()
                        running -= 1
                    }
                    group.addTask { await self.attempt(delivery) }
                    running += 1
                }
            }
            if due.count == batch { return .milliseconds(10) }
            let next = try await store.read { tx in try await tx.nextDeliveryDue() }
            guard let next else { return .seconds(1) }
            let wait = Duration.nanoseconds(next.nanosecondsSinceEpoch - clock().nanosecondsSinceEpoch)
            return min(max(wait, .milliseconds(10)), .seconds(1))
        } catch is CancellationError {
            return .zero
        } catch {
            logger.error("webhooks: \(error)")
            return .seconds(1)
        }
    }

    private func attempt(_ pending: WebhookDelivery) async {
        do {
            let found = try await store.read { tx -> (Webhook, Event)? in
                guard let hook = try await tx.webhook(id: pending.webhookID), let event = try await tx.event(seq: pending.eventSeq) else { return nil }
                return (hook, event)
            }
            var delivery = pending
            delivery.attempts += 1
            let now: Timestamp
            if let (hook, event) = found {
                let (status, error) = await post(event, to: hook, delivery: delivery.id)
                now = clock()
                delivery.lastStatus = status
                delivery.lastError = error
                if let status, (200..<300).contains(status) {
                    delivery.state = .delivered
                    delivery.finishedAt = now
                } else if let next = policy.nextAttempt(afterAttempts: delivery.attempts, failedAt: now, createdAt: delivery.createdAt) {
                    delivery.nextAttemptAt = next
                } else {
                    delivery.state = .failed
                    delivery.finishedAt = now
                    logger.notice("webhook \(hook.id): gave up on event \(event.seq) after \(delivery.attempts) attempts")
                }
            } else {
                now = clock()
                delivery.state = .failed
                delivery.lastError = "the webhook or its event no longer exists"
                delivery.finishedAt = now
            }
            let outcome = delivery
            try await store.write { tx in try await tx.updateDelivery(outcome) }
        } catch {
            logger.error("webhooks: delivery \(pending.id): \(error)")
        }
    }

    /// One POST; the status it got, or why it got none.
    private func post(_ event: Event, to hook: Webhook, delivery: WebhookDelivery.ID) async -> (Int?, String?) {
        guard let client else { return (nil, "the webhook worker is stopping") }
        var request = HTTPClientRequest(url: hook.url)
        request.method = .POST
        let body = Array(event.payload.utf8)
        request.headers.add(name: "Content-Type", value: "application/json")
        request.headers.add(name: "User-Agent", value: "Gatehouse-Webhook")
        request.headers.add(name: WebhookSignature.header, value: WebhookSignature.sign(body, secret: hook.secret))
        request.headers.add(name: "X-Gatehouse-Event", value: event.type.rawValue)
        request.headers.add(name: "X-Gatehouse-Delivery", value: String(delivery))
        request.body = .bytes(ByteBuffer(bytes: body))
        do {
            let response = try await client.execute(request, timeout: .nanoseconds(Int64(timeout.components.seconds) * 1_000_000_000
                + timeout.components.attoseconds / 1_000_000_000))
            // Read (and drop) the answer so the connection can be reused; a chatty receiver is capped.
            _ = try? await response.body.collect(upTo: 64 << 10)
            let status = Int(response.status.code)
            return (status, (200..<300).contains(status) ? nil : "HTTP \(status)")
        } catch {
            return (nil, String(describing: error))
        }
    }
}
