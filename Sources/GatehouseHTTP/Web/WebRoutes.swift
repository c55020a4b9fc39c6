import Foundation
import GatehouseAPIModels
import GatehouseCore
import GatehouseReview
import GatehouseStore
import GatehouseWebUI
import Hummingbird
import Logging

/// The browser's pages: sign-in, the dashboard, search, projects, the change page with its forms, the gate's
/// status and build logs. Pages are built from the same models the REST API answers with, and rendered by
/// GatehouseWebUI; this type only loads, checks and dispatches.
///
/// A signed-in browser is known by its session cookie alone (never by Basic credentials), and every POST must
/// carry the session's CSRF token, or it is refused with 403 and changes nothing.
struct WebRoutes {
    static let sessionCookie = "GatehouseSession"
    static let loginCookie = "GatehouseSignIn"

    let context: ReviewContext
    let sessions: WebSessions
    let gate: GateRoutes

    /// Whether a path is a web page rather than REST or git.
    static func handles(_ segments: [String]) -> Bool {
        switch segments.first {
        case nil: true
        case "login", "logout", "dashboard", "q", "c", "status", "build", "static": true
        case "admin": segments.count >= 2 && segments[1] == "repos"
        default: false
        }
    }

    func handle(_ request: Request, segments: [String], query: QueryParameters) async -> Response {
        let session = await session(of: request)
        let viewer = session.map { Viewer(username: $0.user.account?.username ?? "", displayName: $0.user.account?.fullName ?? $0.user.account?.username ?? "", csrfToken: $0.csrfToken) }
        var request = request
        do {
            return try await route(&request, segments: segments, query: query, session: session, viewer: viewer)
        } catch {
            let failure = HTTPFailure.from(error) ?? HTTPFailure(status: .internalServerError, message: "Internal server error")
            if failure.status == .internalServerError { context.logger.error("\(request.method) \(request.uri.path) failed: \(String(reflecting: error))") }
            if failure.status == .unauthorized, request.method == .get {
                return WebResponse.redirect(SiteURL.login(returnTo: request.uri.path + (request.uri.query.map { "?\($0)" } ?? "")).path)
            }
            let title =
                switch failure.status {
                case .notFound: "Not found"
                case .forbidden: "Not allowed"
                case .unauthorized: "Sign in required"
                case .conflict: "Not possible now"
                case .badRequest: "Bad request"
                default: "Something went wrong"
                }
            return WebResponse.page(ErrorPage.render(status: Int(failure.status.code), title: title, message: failure.message, viewer: viewer), status: failure.status)
        }
    }

    private func route(
        _ request: inout Request, segments: [String], query: QueryParameters, session: WebSessions.Session?, viewer: Viewer?
    ) async throws -> Response {
        let user = session?.user ?? .anonymous
        let method = request.method
        switch (method, segments.first) {
        case (.get, nil):
            return WebResponse.redirect(session == nil ? SiteURL.search("status:open").path : SiteURL.dashboard.path)
        case (.get, "static") where segments == ["static", "gatehouse.css"]:
            return WebResponse.asset(Assets.css, type: "text/css; charset=utf-8")
        case (.get, "static") where segments == ["static", "gatehouse.js"]:
            return WebResponse.asset(Assets.script, type: "text/javascript; charset=utf-8")
        case (.get, "login"):
            let token = WebSessions.randomToken()
            return WebResponse.page(
                LoginPage.render(csrfToken: token, returnTo: WebResponse.localPath(query["to"])),
                cookies: [WebResponse.cookie(Self.loginCookie, token, maxAge: 3600, secure: secure)])
        case (.post, "login"):
            return try await signIn(&request)
        case (.post, "logout"):
            let form = try await request.decodeForm()
            guard let session else { return WebResponse.redirect("/") }
            try requireToken(form, session)
            try await sessions.signOut(session.id)
            return WebResponse.redirect("/", cookies: [WebResponse.cookie(Self.sessionCookie, "", maxAge: 0, secure: secure)])
        case (.get, "dashboard") where segments == ["dashboard", "self"]:
            _ = try user.requireAccount()
            return try await dashboard(user: user, viewer: viewer)
        case (.get, "q") where segments.count == 1:
            return WebResponse.redirect(SiteURL.search(query["q"].flatMap { $0.isEmpty ? nil : $0 } ?? "status:open").path)
        case (.get, "q") where segments.count == 2:
            return try await search(segments[1], user: user, viewer: viewer)
        case (.get, "admin") where segments == ["admin", "repos"]:
            return try await projects(user: user, viewer: viewer)
        case (.get, "admin") where segments.count == 3:
            return try await project(segments[2], user: user, viewer: viewer)
        case (.get, "status") where segments.count == 1:
            return WebResponse.page(StatusPage.render(try await gate.status(for: user), viewer: viewer))
        case (.get, "build") where segments.count == 2:
            return try await build(segments[1], user: user, viewer: viewer)
        case (_, "c"):
            // The `+` separator arrives as a space: REST path segments decode `+` that way, as Gerrit's do.
            guard let plus = segments.firstIndex(where: { $0 == "+" || $0 == " " }), plus > 1, plus + 1 < segments.count, let number = Int(segments[plus + 1]), number > 0 else {
                throw HTTPFailure.notFound("No such page")
            }
            let project = segments[1..<plus].joined(separator: "/")
            let rest = Array(segments[(plus + 2)...])
            if method == .get, rest.count <= 1 {
                let patchSet = try rest.first.map { text -> Int in
                    guard let n = Int(text), n > 0 else { throw HTTPFailure.notFound("No patch set \(text)") }
                    return n
                } ?? query["ps"].flatMap { Int($0) }
                return try await changePage(project: project, number: number, patchSet: patchSet, query: query, user: user, viewer: viewer)
            }
            guard method == .post, rest.count == 1, let session else {
                throw method == .post ? ReviewError.unauthorized : HTTPFailure.notFound("No such page")
            }
            let form = try await request.decodeForm()
            try requireToken(form, session)
            return try await changeAction(rest[0], project: project, number: number, form: form, user: user)
        case (_, "login"), (_, "logout"), (_, "dashboard"), (_, "q"), (_, "status"), (_, "build"), (_, "static"), (_, "admin"), (_, nil):
            throw HTTPFailure.methodNotAllowed
        default:
            throw HTTPFailure.notFound("No such page")
        }
    }

    /// The browser's live session, if its cookie names one; a database error counts as signed out.
    private func session(of request: Request) async -> WebSessions.Session? {
        guard let id = WebResponse.cookie(Self.sessionCookie, in: request) else { return nil }
        return try? await sessions.resolve(id)
    }

    private var secure: Bool { context.baseURL.hasPrefix("https://") }

    /// A form of a signed-in page must carry its session's token; anything else is refused before it acts.
    private func requireToken(_ form: QueryParameters, _ session: WebSessions.Session) throws {
        guard let token = form["csrf"], Self.constantTimeEqual(token, session.csrfToken) else {
            throw HTTPFailure(status: .forbidden, message: "The form's security token is missing or stale. Reload the page and try again.")
        }
    }

    private static func constantTimeEqual(_ a: String, _ b: String) -> Bool {
        PasswordHash.constantTimeEqual(Array(a.utf8), Array(b.utf8))
    }

    private func signIn(_ request: inout Request) async throws -> Response {
        let form = try await request.decodeForm()
        let returnTo = WebResponse.localPath(form["to"])
        guard let cookie = WebResponse.cookie(Self.loginCookie, in: request), let token = form["csrf"], Self.constantTimeEqual(cookie, token) else {
            throw HTTPFailure(status: .forbidden, message: "The sign-in form's security token is missing or stale. Reload the page and try again.")
        }
        let username = form["username"] ?? ""
        guard let session = try await sessions.signIn(
            username: username, password: form["password"] ?? "", replacing: WebResponse.cookie(Self.sessionCookie, in: request))
        else {
            return WebResponse.page(
                LoginPage.render(csrfToken: token, returnTo: returnTo, username: username, error: "Wrong username or password."), status: .ok)
        }
        let lifetime = Int(WebSessions.lifetime.components.seconds)
        return WebResponse.redirect(returnTo, cookies: [
            WebResponse.cookie(Self.sessionCookie, session.id, maxAge: lifetime, secure: secure),
            WebResponse.cookie(Self.loginCookie, "", maxAge: 0, secure: secure),
        ])
    }

    private func dashboard(user: CurrentUser, viewer: Viewer?) async throws -> Response {
        let sections = try await context.store.read { [context] tx in
            func run(_ text: String, limit: Int) async throws -> [ChangeInfo] {
                try await ChangeRoutes.search(try ChangeQuery.parse(text), limit: limit, start: 0, options: [.labels], user: user, context: context, in: tx)
            }
            return [
                ChangeListPage.Section(title: "Outgoing reviews", changes: try await run("is:open owner:self", limit: 50), empty: "You have no open changes."),
                ChangeListPage.Section(
                    title: "Incoming reviews", changes: try await run("is:open reviewer:self -owner:self", limit: 50), empty: "Nobody is waiting for your review."),
                ChangeListPage.Section(title: "Recently merged", changes: try await run("status:merged owner:self", limit: 10), empty: "Nothing merged yet."),
            ]
        }
        return WebResponse.page(ChangeListPage.render(title: "My dashboard", sections: sections, viewer: viewer, returnTo: SiteURL.dashboard.path))
    }

    private func search(_ text: String, user: CurrentUser, viewer: Viewer?) async throws -> Response {
        let parsed: ChangeQuery
        do {
            parsed = try ChangeQuery.parse(text)
        } catch {
            let page = ChangeListPage.render(
                title: "Search", query: text, sections: [], error: "\(error)", viewer: viewer, returnTo: SiteURL.search(text).path)
            return WebResponse.page(page, status: .badRequest)
        }
        let changes = try await context.store.read { [context] tx in
            try await ChangeRoutes.search(parsed, limit: 100, start: 0, options: [.labels], user: user, context: context, in: tx)
        }
        let section = ChangeListPage.Section(title: "\(changes.count)\(changes.last?.moreChanges == true ? "+" : "") changes", changes: changes, empty: "No change matches.")
        return WebResponse.page(ChangeListPage.render(title: text, query: text, sections: [section], viewer: viewer, returnTo: SiteURL.search(text).path))
    }

    private func projects(user: CurrentUser, viewer: Viewer?) async throws -> Response {
        let projects = try await context.store.read { tx in try await tx.projects(includePrivate: !user.isAnonymous) }
        let infos = projects.map { ProjectInfo(id: $0.name.urlEncoded, name: $0.name.rawValue, parent: nil, description: $0.description, state: "ACTIVE") }
        return WebResponse.page(ProjectsPage.list(infos, viewer: viewer))
    }

    private func project(_ name: String, user: CurrentUser, viewer: Viewer?) async throws -> Response {
        guard let projectName = try? ProjectName(name) else { throw HTTPFailure.notFound("No project \(name)") }
        let (open, merged) = try await context.store.read { [context] tx in
            guard let project = try await tx.project(named: projectName), user.canRead(project) else { throw HTTPFailure.notFound("No project \(name)") }
            func run(_ status: String) async throws -> [ChangeInfo] {
                try await ChangeRoutes.search(
                    .and([.project(projectName.rawValue), try ChangeQuery.parse(status)]), limit: 50, start: 0, options: [.labels], user: user, context: context,
                    in: tx)
            }
            return (try await run("status:open"), try await run("status:merged"))
        }
        return WebResponse.page(ProjectsPage.page(name, open: open, merged: merged, cloneURL: "\(context.baseURL)/\(name)", hookURL: "\(context.origin)/tools/hooks/commit-msg", viewer: viewer))
    }

    private func build(_ text: String, user: CurrentUser, viewer: Viewer?) async throws -> Response {
        guard let id = Int(text), id > 0 else { throw HTTPFailure.notFound("No build \(text)") }
        let (build, info) = try await gate.build(id, user: user)
        let limit = 256 << 10
        let data = gate.logData(id) ?? Data("# waiting for a build slot\n".utf8)
        let shown = data.count > limit ? data.suffix(limit) : data
        let log = String(decoding: shown, as: UTF8.self)
        return WebResponse.page(BuildPage.render(
            info, project: build.project.rawValue, change: build.patchSet.change, log: log, truncated: data.count > limit, viewer: viewer))
    }
}
