package import GatehouseCore
import SQLKit

extension StoreTransaction {
    package func insertWebhook(
        project: ProjectName, url: String, secret: String, eventTypes: Set<EventType>, createdBy: Account.ID, now: Timestamp
    ) async throws -> Webhook {
        let hook = Webhook(
            id: try await nextNumber("webhook"), project: project, url: url, secret: secret, eventTypes: eventTypes, createdBy: createdBy,
            createdAt: now)
        try await sql.raw("""
            INSERT INTO webhooks (id, project, url, secret, event_types, created_by, created_at)
            VALUES (\(bind: hook.id), \(bind: project.rawValue), \(bind: url), \(bind: secret), \(bind: Self.encode(eventTypes)),
                    \(bind: createdBy), \(bind: now.nanosecondsSinceEpoch))
            """).run()
        return hook
    }

    package func webhooks(of project: ProjectName) async throws -> [Webhook] {
        try await sql.raw("""
            SELECT id, project, url, secret, event_types, created_by, created_at FROM webhooks WHERE project = \(bind: project.rawValue) ORDER BY id
            """).all().map(Self.webhook(from:))
    }

    package func webhook(id: Webhook.ID) async throws -> Webhook? {
        try await sql.raw("""
            SELECT id, project, url, secret, event_types, created_by, created_at FROM webhooks WHERE id = \(bind: id)
            """).first().map(Self.webhook(from:))
    }

    /// Deletes the webhook and its delivery log; pending deliveries go with it.
    package func deleteWebhook(id: Webhook.ID) async throws {
        try await sql.raw("DELETE FROM webhook_deliveries WHERE webhook_id = \(bind: id)").run()
        try await sql.raw("DELETE FROM webhooks WHERE id = \(bind: id)").run()
    }

    @discardableResult
    package func insertDelivery(webhook: Webhook.ID, eventSeq: Int, now: Timestamp) async throws -> WebhookDelivery {
        let delivery = WebhookDelivery(
            id: try await nextNumber("webhook_delivery"), webhookID: webhook, eventSeq: eventSeq, state: .pending, attempts: 0,
            nextAttemptAt: now, lastStatus: nil, lastError: nil, createdAt: now, finishedAt: nil)
        try await sql.raw("""
            INSERT INTO webhook_deliveries (id, webhook_id, event_seq, state, attempts, next_attempt_at, created_at)
            VALUES (\(bind: delivery.id), \(bind: webhook), \(bind: eventSeq), 'pending', 0, \(bind: now.nanosecondsSinceEpoch),
                    \(bind: now.nanosecondsSinceEpoch))
            """).run()
        return delivery
    }

    /// Pending deliveries whose next attempt is due, oldest first.
    package func dueDeliveries(now: Timestamp, limit: Int) async throws -> [WebhookDelivery] {
        try await deliveries(where: "state = 'pending' AND next_attempt_at <= \(bind: now.nanosecondsSinceEpoch)", order: "next_attempt_at, id", limit: limit)
    }

    /// When the earliest pending delivery is due, so the worker can sleep until then.
    package func nextDeliveryDue() async throws -> Timestamp? {
        try await sql.raw("SELECT MIN(next_attempt_at) AS due FROM webhook_deliveries WHERE state = 'pending'").first()?
            .decode(column: "due", as: Int64?.self).map(Timestamp.init(nanosecondsSinceEpoch:))
    }

    /// The newest deliveries of one webhook first: its delivery log.
    package func deliveries(of webhook: Webhook.ID, limit: Int) async throws -> [WebhookDelivery] {
        try await deliveries(where: "webhook_id = \(bind: webhook)", order: "id DESC", limit: limit)
    }

    package func delivery(id: WebhookDelivery.ID) async throws -> WebhookDelivery? {
        try await deliveries(where: "id = \(bind: id)", order: "id", limit: 1).first
    }

    /// Records the outcome of one attempt; the state says whether another one follows.
    package func updateDelivery(_ delivery: WebhookDelivery) async throws {
        try await sql.raw("""
            UPDATE webhook_deliveries SET state = \(bind: delivery.state.rawValue), attempts = \(bind: delivery.attempts),
                next_attempt_at = \(bind: delivery.nextAttemptAt.nanosecondsSinceEpoch), last_status = \(bind: delivery.lastStatus),
                last_error = \(bind: delivery.lastError), finished_at = \(bind: delivery.finishedAt?.nanosecondsSinceEpoch)
            WHERE id = \(bind: delivery.id)
            """).run()
    }

    private func deliveries(where condition: SQLQueryString, order: SQLQueryString, limit: Int) async throws -> [WebhookDelivery] {
        try await sql.raw("""
            SELECT id, webhook_id, event_seq, state, attempts, next_attempt_at, last_status, last_error, created_at, finished_at
            FROM webhook_deliveries WHERE \(condition) ORDER BY \(order) LIMIT \(bind: limit)
            """).all().map(Self.delivery(from:))
    }

    /// Webhook deliveries by state, and the failed attempts among them (every attempt but a delivered one's
    /// last), for `/metrics`.
    package func deliveryCounts() async throws -> (byState: [String: Int], failedAttempts: Int) {
        var byState: [String: Int] = [:]
        var failed = 0
        for row in try await sql.raw("""
            SELECT state, COUNT(*) AS n, COALESCE(SUM(attempts), 0) AS attempts FROM webhook_deliveries GROUP BY state
            """).all() {
            let state = try row.decode(column: "state", as: String.self)
            let count = try row.decode(column: "n", as: Int.self)
            let attempts = try row.decode(column: "attempts", as: Int.self)
            byState[state] = count
            failed += state == "delivered" ? attempts - count : attempts
        }
        return (byState, failed)
    }

    static func encode(_ types: Set<EventType>) -> String {
        types.map(\.rawValue).sorted().joined(separator: " ")
    }

    static func webhook(from row: any SQLRow) throws -> Webhook {
        let rawProject = try row.decode(column: "project", as: String.self)
        let rawTypes = try row.decode(column: "event_types", as: String.self)
        guard let project = try? ProjectName(rawProject) else { throw StoreError.corrupt("webhook project \(rawProject)") }
        var types: Set<EventType> = []
        for name in rawTypes.split(separator: " ") {
            guard let type = EventType(rawValue: String(name)) else { throw StoreError.corrupt("webhook event type \(name)") }
            types.insert(type)
        }
        return Webhook(
            id: try row.decode(column: "id", as: Int.self), project: project, url: try row.decode(column: "url", as: String.self),
            secret: try row.decode(column: "secret", as: String.self), eventTypes: types,
            createdBy: try row.decode(column: "created_by", as: Int.self),
            createdAt: Timestamp(nanosecondsSinceEpoch: try row.decode(column: "created_at", as: Int64.self)))
    }

    static func delivery(from row: any SQLRow) throws -> WebhookDelivery {
        let rawState = try row.decode(column: "state", as: String.self)
        guard let state = WebhookDelivery.State(rawValue: rawState) else { throw StoreError.corrupt("delivery state \(rawState)") }
        return WebhookDelivery(
            id: try row.decode(column: "id", as: Int.self), webhookID: try row.decode(column: "webhook_id", as: Int.self),
            eventSeq: try row.decode(column: "event_seq", as: Int.self), state: state,
            attempts: try row.decode(column: "attempts", as: Int.self),
            nextAttemptAt: Timestamp(nanosecondsSinceEpoch: try row.decode(column: "next_attempt_at", as: Int64.self)),
            lastStatus: try row.decode(column: "last_status", as: Int?.self), lastError: try row.decode(column: "last_error", as: String?.self),
            createdAt: Timestamp(nanosecondsSinceEpoch: try row.decode(column: "created_at", as: Int64.self)),
            finishedAt: try row.decode(column: "finished_at", as: Int64?.self).map(Timestamp.init(nanosecondsSinceEpoch:)))
    }
}
