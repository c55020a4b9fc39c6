package import GatehouseCore
package import GatehouseReview
package import GatehouseStore

/// Adding, listing and removing a project's webhooks, reading their delivery log and redelivering.
///
/// Administrators only, like the project's other settings (labels, submit rules, gate settings): Gatehouse
/// has no per-project owners yet.
package struct WebhookAdministration: Sendable {
    package let store: Store
    package let target: WebhookTarget
    package let clock: @Sendable () -> Timestamp

    package init(store: Store, target: WebhookTarget, clock: @escaping @Sendable () -> Timestamp) {
        self.store = store
        self.target = target
        self.clock = clock
    }

    package static let maxSecretBytes = 1024

    package func add(
        project name: ProjectName, url: String, secret: String, events: [String]?, by user: CurrentUser
    ) async throws -> Webhook {
        try user.requireAdministrator()
        let account = try user.requireAccount()
        if let problem = target.problem(with: url) { throw ReviewError.badRequest(problem) }
        guard !secret.isEmpty, secret.utf8.count <= Self.maxSecretBytes else {
            throw ReviewError.badRequest("secret must be 1 to \(Self.maxSecretBytes) bytes")
        }
        var types: Set<EventType> = []
        for name in events ?? [] {
            guard let type = EventType(rawValue: name) else {
                let known = EventType.allCases.map(\.rawValue).joined(separator: ", ")
                throw ReviewError.badRequest("unknown event type \"\(name)\"; known: \(known)")
            }
            types.insert(type)
        }
        let now = clock()
        let chosen = types
        return try await store.write { tx in
            try await Self.requireProject(name, in: tx)
            return try await tx.insertWebhook(project: name, url: url, secret: secret, eventTypes: chosen, createdBy: account.id, now: now)
        }
    }

    package func list(project name: ProjectName, by user: CurrentUser) async throws -> [Webhook] {
        try user.requireAdministrator()
        return try await store.read { tx in
            try await Self.requireProject(name, in: tx)
            return try await tx.webhooks(of: name)
        }
    }

    package func delete(project name: ProjectName, webhook id: Webhook.ID, by user: CurrentUser) async throws {
        try user.requireAdministrator()
        try await store.write { tx in
            _ = try await Self.webhook(id, of: name, in: tx)
            try await tx.deleteWebhook(id: id)
        }
    }

    /// The newest deliveries first, each with its event's type.
    package func deliveries(
        project name: ProjectName, webhook id: Webhook.ID, limit: Int, by user: CurrentUser
    ) async throws -> [(WebhookDelivery, EventType?)] {
        try user.requireAdministrator()
        return try await store.read { tx in
            _ = try await Self.webhook(id, of: name, in: tx)
            let log = try await tx.deliveries(of: id, limit: limit)
            let types = try await tx.eventTypes(seqs: log.map(\.eventSeq))
            return log.map { ($0, types[$0.eventSeq]) }
        }
    }

    /// Queues the delivery's event again, as a new delivery with its own log entry.
    package func redeliver(
        project name: ProjectName, webhook id: Webhook.ID, delivery deliveryID: WebhookDelivery.ID, by user: CurrentUser
    ) async throws -> WebhookDelivery {
        try user.requireAdministrator()
        let now = clock()
        return try await store.write { tx in
            _ = try await Self.webhook(id, of: name, in: tx)
            guard let delivery = try await tx.delivery(id: deliveryID), delivery.webhookID == id else {
                throw ReviewError.notFound("webhook \(id) has no delivery \(deliveryID)")
            }
            return try await tx.insertDelivery(webhook: id, eventSeq: delivery.eventSeq, now: now)
        }
    }

    private static func requireProject(_ name: ProjectName, in tx: StoreTransaction) async throws {
        guard try await tx.project(named: name) != nil else { throw ReviewError.notFound("project \(name.rawValue) not found") }
    }

    private static func webhook(_ id: Webhook.ID, of project: ProjectName, in tx: StoreTransaction) async throws -> Webhook {
        guard let hook = try await tx.webhook(id: id), hook.project == project else {
            throw ReviewError.notFound("project \(project.rawValue) has no webhook \(id)")
        }
        return hook
    }
}
