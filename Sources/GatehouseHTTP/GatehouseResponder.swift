package import GatehouseEvents
package import GatehouseGate
package import GatehouseReview
import GatehouseStore
package import Hummingbird
import Logging

/// Settings of the HTTP layer that the composition root decides.
package struct HTTPSettings: Sendable {
    /// The largest pack one push may send (Gatehouse refuses more, and says so).
    package var maxPackBytes: Int
    /// Where build logs live (`<logRoot>/<id>/log.txt`), served at `/logs/<id>/`.
    package var logRoot: String
    package init(maxPackBytes: Int = 100 << 20, logRoot: String = "") {
        self.maxPackBytes = maxPackBytes
        self.logRoot = logRoot
    }
}

/// Every HTTP request enters here: authentication, the raw-path split, dispatch, and error mapping.
///
/// Routing is done on the raw path rather than with a router, because Gerrit identifiers carry encoded
/// slashes inside a segment (`test%2Fproject~1`), and the same URL space holds git (`/<project>/info/refs`),
/// the REST API (`/changes/…`, `/a/changes/…`) and the hook at the host root.
package struct GatehouseResponder: HTTPResponder {
    package typealias Context = BasicRequestContext

    let context: ReviewContext
    let authenticator: Authenticator
    let settings: HTTPSettings
    let gate: GateScheduler?
    let events: EventServices?
    let metrics = RequestMetrics()
    /// Dashboards and bots repeat the same searches; their answers are kept until the next write.
    let searches = SearchCache(capacity: 256)

    package init(context: ReviewContext, authenticator: Authenticator, settings: HTTPSettings, gate: GateScheduler?, events: EventServices?) {
        self.context = context
        self.authenticator = authenticator
        self.settings = settings
        self.gate = gate
        self.events = events
    }

    package func respond(to request: Request, context requestContext: BasicRequestContext) async throws -> Response {
        let start = ContinuousClock.now
        let response = await respondOrFail(request)
        let elapsed = ContinuousClock.now - start
        metrics.record(method: request.method.rawValue, status: response.status.code, duration: elapsed)
        context.logger.debug("\(request.method) \(request.uri.path) \(response.status.code) \(elapsed)")
        return response
    }

    private func respondOrFail(_ request: Request) async -> Response {
        do {
            return try await route(request)
        } catch {
            guard let failure = HTTPFailure.from(error) else {
                context.logger.error("\(request.method) \(request.uri.path) failed: \(String(reflecting: error))")
                return GerritResponse.text("Internal server error", status: .internalServerError)
            }
            return GerritResponse.text(failure.message, status: failure.status)
        }
    }

    private func route(_ request: Request) async throws -> Response {
        guard let path = RequestPath(raw: request.uri.path) else { throw HTTPFailure.badRequest("malformed path") }
        var segments = path.segments
        let authenticatedPath = segments.first == "a"
        if authenticatedPath { segments.removeFirst() }

        let query = QueryParameters(raw: request.uri.query)
        // Git comes first: a project may well be called `status` or `c`.
        if !authenticatedPath, WebRoutes.handles(segments), GitRoute(segments: segments, query: query) == nil {
            return await WebRoutes(context: context, sessions: WebSessions(context: context, authenticator: authenticator), gate: gateRoutes)
                .handle(request, segments: segments, query: query)
        }

        let user = try await currentUser(request)
        if authenticatedPath && user.isAnonymous { throw ReviewError.unauthorized }

        var api = APIRequest(request: request, segments: segments, query: query, user: user)

        if let git = GitRoute(segments: segments, query: query) {
            return try await GitRoutes(context: context, settings: settings).handle(git, api: &api)
        }
        switch segments.first {
        case "tools" where segments == ["tools", "hooks", "commit-msg"] && !authenticatedPath:
            return ServerRoutes.commitMsgHook()
        case "config":
            return try ServerRoutes.config(api)
        case "accounts":
            return try await AccountRoutes(context: context, authenticator: authenticator).handle(&api)
        case "groups":
            return try await GroupRoutes(context: context).handle(&api)
        case "projects":
            return try await ProjectRoutes(context: context).handle(&api)
        case "changes":
            return try await ChangeRoutes(context: context, searches: searches).handle(&api)
        case "api" where segments.count >= 4 && segments[1] == "projects" && segments[3] == "webhooks":
            guard let events else { throw HTTPFailure(status: .serviceUnavailable, message: "webhooks are not enabled on this server") }
            return try await WebhookRoutes(administration: events.administration, worker: events.worker)
                .handle(&api, path: Array(segments.dropFirst(2)))
        case "events":
            guard let events else { throw HTTPFailure(status: .serviceUnavailable, message: "the event stream is not enabled on this server") }
            return try await EventRoutes(context: context, hub: events.hub).stream(api)
        case "api":
            return try await gateRoutes.api(api)
        case "metrics" where segments.count == 1:
            return try await MetricsRoutes(context: context, gate: gate, hub: events?.hub, requests: metrics).handle(api)
        case "logs":
            return try await gateRoutes.log(api)
        default:
            throw HTTPFailure.notFound()
        }
    }

    private var gateRoutes: GateRoutes { GateRoutes(context: context, gate: gate, logRoot: settings.logRoot) }

    /// The caller from HTTP Basic credentials, or anonymous. Wrong credentials are always a 401 that does not
    /// say whether the user or the password was wrong.
    private func currentUser(_ request: Request) async throws -> CurrentUser {
        guard let header = request.headers[.authorization] else { return .anonymous }
        guard let credentials = BasicCredentials(header: header),
            let user = try await authenticator.authenticate(username: credentials.username, password: credentials.password)
        else {
            throw ReviewError.unauthorized
        }
        return user
    }
}
