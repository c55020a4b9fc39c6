import Foundation
import GatehouseAPIModels
package import GatehouseCore
package import GatehouseStore
package import Logging

/// Mails people about their changes in the background, following the event log.
///
/// The worker keeps one cursor in the database: the last event it finished with. It reads the events after
/// it, works out who wants each one (``MailAudience`` and every account's ``EmailStrategy``), sends the mail and
/// only then moves the cursor, so a crash or an unreachable SMTP server delays mail but loses none (a crash
/// between the send and the cursor's update sends that one mail again). A server that keeps failing is
/// retried by ``RetryPolicy``; an event older than the policy's give-up time is passed over, so a server that
/// was down for days does not bury its users in stale mail when it returns.
package actor MailWorker {
    private let store: Store
    private let client: SMTPClient
    private let composer: MailComposer
    private let policy: RetryPolicy
    private let clock: @Sendable () -> Timestamp
    private let logger: Logger
    private let wake = WakeSignal()
    /// Failed attempts at the event after the cursor; the backoff grows with it.
    private var failures = 0

    package init(
        store: Store, client: SMTPClient, composer: MailComposer, policy: RetryPolicy, clock: @escaping @Sendable () -> Timestamp,
        logger: Logger
    ) {
        self.store = store
        self.client = client
        self.composer = composer
        self.policy = policy
        self.clock = clock
        self.logger = logger
    }

    package nonisolated func nudge() { wake.signal() }

    package func run() async {
        store.eventsCommitted.listen { [weak self] in self?.nudge() }
        while !Task.isCancelled {
            let pause = await pass()
            await wake.wait(timeout: pause)
        }
    }

    /// Mails every event after the cursor, in order; returns how long to wait before looking again.
    private func pass() async -> Duration {
        let batch = 50
        do {
            guard let cursor = try await store.read({ tx in try await tx.mailCursor() }) else {
                // Mail's first start on this database: begin now, not at the beginning of history.
                try await store.write { tx in try await tx.advanceMailCursor(to: try await tx.lastEventSeq()) }
                return .zero
            }
            let events = try await store.read { tx in try await tx.events(after: cursor, limit: batch) }
            // Events that make no mail (most of them: builds, gate bookkeeping) move the cursor in one write
            // per batch, not one each: the mail worker should not double the writes of a busy server.
            var passed: Int?
            for event in events {
                let sent: Int
                do {
                    sent = try await mail(event)
                } catch let error as SMTPError where error.isTransient {
                    failures += 1
                    if policy.nextAttempt(afterAttempts: failures, failedAt: clock(), createdAt: event.createdAt) != nil {
                        logger.warning("mail: event \(event.seq), attempt \(failures): \(error)")
                        try await settle(passed)
                        return policy.delay(afterAttempts: failures)
                    }
                    logger.error("mail: gave up on event \(event.seq) after \(failures) attempts: \(error)")
                    try await finish(event, failed: 1)
                    passed = nil
                    continue
                } catch let error as SMTPError {
                    logger.error("mail: event \(event.seq) refused for good: \(error)")
                    try await finish(event, failed: 1)
                    passed = nil
                    continue
                }
                failures = 0
                if sent > 0 {
                    try await finish(event, sent: sent)
                    passed = nil
                } else {
                    passed = event.seq
                }
            }
            try await settle(passed)
            return events.count == batch ? .zero : .seconds(1)
        } catch is CancellationError {
            return .zero
        } catch {
            logger.error("mail: \(error)")
            return .seconds(1)
        }
    }

    /// Records that the events up to `seq` made no mail.
    private func settle(_ seq: Int?) async throws {
        guard let seq else { return }
        try await store.write { tx in try await tx.advanceMailCursor(to: seq) }
    }

    private func finish(_ event: Event, sent: Int = 0, failed: Int = 0) async throws {
        failures = 0
        try await store.write { tx in try await tx.advanceMailCursor(to: event.seq, sent: sent, failed: failed) }
    }

    /// Sends the event's mail, if it makes one and anyone wants it; returns the number of messages sent.
    private func mail(_ event: Event) async throws -> Int {
        guard let change = event.change, event.createdAt.adding(policy.giveUpAfter) > clock(),
            let stream = try? JSONDecoder().decode(StreamEvent.self, from: Data(event.payload.utf8)),
            let kind = MailComposer.kind(of: stream)
        else { return 0 }
        let actorName = MailComposer.actor(of: stream)?.username
        let found = try await store.read { tx -> ([Account], [Comment])? in
            guard let row = try await tx.change(number: change) else { return nil }
            let reviewers = try await tx.reviewers(of: change)
            let audience = MailAudience(
                owner: row.ownerID, reviewers: Set(reviewers.filter { $0.state == .reviewer }.map(\.accountID)),
                cc: Set(reviewers.filter { $0.state == .cc }.map(\.accountID)), voters: try await tx.voters(of: change))
            let actor = if let actorName { try await tx.account(username: actorName) } else { Account?.none }
            let candidates = audience.candidates(for: kind)
            let strategies = try await tx.emailStrategies(of: candidates)
            let ids = audience.recipients(for: kind, actor: actor?.id, strategies: strategies)
            let accounts = try await tx.accounts(ids: ids)
            let comments = kind == .comment && actor != nil
                ? try await tx.comments(change: change).filter { $0.authorID == actor?.id && $0.createdAt == event.createdAt } : []
            return (ids.compactMap { accounts[$0] }, comments)
        }
        guard let (accounts, comments) = found else { return 0 }
        let recipients = accounts.filter(\.isActive).compactMap { account in
            account.email.flatMap { try? MailAddress(name: account.fullName ?? account.username, address: $0) }
        }
        guard !recipients.isEmpty,
            let message = composer.compose(stream, seq: event.seq, kind: kind, to: recipients, comments: comments, date: event.createdAt)
        else { return 0 }
        let refused = try await client.send(message)
        if !refused.isEmpty { logger.notice("mail: event \(event.seq): the SMTP server refused \(refused.joined(separator: ", "))") }
        return refused.count == recipients.count ? 0 : 1
    }
}
