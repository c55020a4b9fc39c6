import GatehouseCore


/// Every page's address, in one place: routes are matched against these shapes and links are built from
/// them, so a link can never point at a page that does not exist.
///
/// The change page keeps Gerrit's `/c/<project>/+/<number>[/<patchset>]`, which git-review prints and people
/// already paste into chats.
package enum SiteURL: Hashable, Sendable {
    case home
    case login(returnTo: String?)
    case logout
    case dashboard
    case search(String)
    case projects
    case project(String)
    case change(project: String, number: Int, patchSet: Int? = nil, base: Int? = nil)
    /// A change page with the inline-comment form open at a line of a file (`side` is `PARENT` or nil).
    case commentForm(project: String, number: Int, patchSet: Int, path: String, line: Int, side: String?)
    /// Where the change page's forms post: `review`, `comment`, `abandon`, `restore`.
    case changeAction(project: String, number: Int, action: String)
    case status
    case build(Int)
    case buildLog(Int)

    package var path: String {
        switch self {
        case .home: "/"
        case .login(let returnTo): "/login" + (returnTo.map { "?to=" + Self.encode($0) } ?? "")
        case .logout: "/logout"
        case .dashboard: "/dashboard/self"
        case .search(let query): "/q/" + Self.encode(query)
        case .projects: "/admin/repos"
        case .project(let name): "/admin/repos/" + Self.encode(name)
        case .change(let project, let number, let patchSet, let base):
            "/c/\(Self.encodePath(project))/+/\(number)" + (patchSet.map { "/\($0)" } ?? "") + (base.map { "?base=\($0)" } ?? "")
        case .commentForm(let project, let number, let patchSet, let path, let line, let side):
            "/c/\(Self.encodePath(project))/+/\(number)/\(patchSet)?comment=\(Self.encode(path))" + (side.map { "&side=\($0)" } ?? "")
                + "&line=\(line)#new-comment"
        case .changeAction(let project, let number, let action): "/c/\(Self.encodePath(project))/+/\(number)/\(action)"
        case .status: "/status"
        case .build(let id): "/build/\(id)"
        case .buildLog(let id): "/logs/\(id)/"
        }
    }

    /// One URL component: everything but unreserved characters percent-encoded, except that `:` and `@`
    /// stay readable (`/q/status:open`, `owner:alice@example.com`), as RFC 3986 allows in a path segment.
    package static func encode(_ text: String) -> String {
        PercentEncoding.encodeComponent(text).replacing("%3A", with: ":").replacing("%40", with: "@")
    }

    /// A project name as a path: its `/` separators stay, the rest is encoded per segment.
    static func encodePath(_ text: String) -> String {
        text.split(separator: "/", omittingEmptySubsequences: false).map { encode(String($0)) }.joined(separator: "/")
    }
}
