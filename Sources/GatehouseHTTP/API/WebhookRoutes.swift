import Foundation
import GatehouseAPIModels
import GatehouseCore
import GatehouseEvents
import GatehouseReview
import Hummingbird

/// `/api/projects/{name}/webhooks[/{id}[/deliveries[/{delivery}/redeliver]]]`: native JSON, no XSSI prefix.
struct WebhookRoutes {
    let administration: WebhookAdministration
    let worker: WebhookWorker?


    /// `path` starts after `projects`: `[name, "webhooks", …]`.
    func handle(_ api: inout APIRequest, path: [String]) async throws -> Response {
        let project = try ProjectName(path[0])
        let rest = Array(path.dropFirst(2))
        let user = api.user
        switch (api.method, rest.count) {
        case (.get, 0):
            return try GerritResponse.nativeJSON(try await administration.list(project: project, by: user).map(Self.info))
        case (.post, 0):
            let input = try await api.request.decodeJSON(WebhookInput.self)
            let hook = try await administration.add(project: project, url: input.url, secret: input.secret, events: input.events, by: user)
            return try GerritResponse.nativeJSON(Self.info(hook), status: .created)
        case (.delete, 1):
            try await administration.delete(project: project, webhook: try Self.number(rest[0]), by: user)
            return Response(status: .noContent)
        case (.get, 2) where rest[1] == "deliveries":
            let limit = try api.query.int("n", "limit", default: 100)
            let log = try await administration.deliveries(project: project, webhook: try Self.number(rest[0]), limit: min(max(limit, 1), 1000), by: user)
            return try GerritResponse.nativeJSON(log.map { Self.info($0.0, type: $0.1) })
        case (.post, 4) where rest[1] == "deliveries" && rest[3] == "redeliver":
            let delivery = try await administration.redeliver(
                project: project, webhook: try Self.number(rest[0]), delivery: try Self.number(rest[2]), by: user)
            worker?.nudge()
            return try GerritResponse.nativeJSON(Self.info(delivery, type: nil), status: .accepted)
        case (.get, _), (.post, _), (.delete, _):
            throw HTTPFailure.notFound()
        default:
            throw HTTPFailure.methodNotAllowed
        }
    }

    private static func number(_ text: String) throws -> Int {
        guard let value = Int(text), value > 0 else { throw HTTPFailure.badRequest("\"\(text)\" is not an id") }
        return value
    }

    static func info(_ hook: Webhook) -> WebhookInfo {
        WebhookInfo(
            id: hook.id, project: hook.project.rawValue, url: hook.url, events: hook.eventTypes.map(\.rawValue).sorted(),
            created: hook.createdAt.gerritFormat)
    }

    static func info(_ delivery: WebhookDelivery, type: EventType?) -> WebhookDeliveryInfo {
        WebhookDeliveryInfo(
            id: delivery.id, webhook: delivery.webhookID, event: delivery.eventSeq, eventType: type?.rawValue, state: delivery.state.rawValue,
            attempts: delivery.attempts, lastStatus: delivery.lastStatus, lastError: delivery.lastError,
            nextAttempt: delivery.state == .pending ? delivery.nextAttemptAt.gerritFormat : nil, created: delivery.createdAt.gerritFormat,
            finished: delivery.finishedAt?.gerritFormat)
    }
}
