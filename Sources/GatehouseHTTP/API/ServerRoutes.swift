import GatehouseCore
import GatehouseReview
import GatehouseStore
import Hummingbird

/// Server-wide endpoints: the version clients parse, the commit-msg hook, and a plain home page.
enum ServerRoutes {
    /// The Gerrit version we speak. Numeric, because gertty int-parses it and below 2.11 switches to old APIs.
    static let gerritVersion = "3.9.0"

    static func config(_ api: APIRequest) throws -> Response {
        guard api.method == .get else { throw HTTPFailure.methodNotAllowed }
        switch Array(api.segments.dropFirst()) {
        case ["server", "version"]: return try GerritResponse.json(gerritVersion)
        default: throw HTTPFailure.notFound()
        }
    }

    /// Served anonymously at the host root, where git-review and users' curl look for it.
    static func commitMsgHook() -> Response {
        Response(
            status: .ok,
            headers: [.contentType: "application/x-sh", .contentDisposition: "attachment; filename=commit-msg"],
            body: .init(byteBuffer: ByteBuffer(string: CommitMsgHook.script))
        )
    }

    static func home(context: ReviewContext) -> Response {
        let text = """
            Gatehouse: code review with an automated gated trunk.

            Clone a project:      git clone \(context.baseURL)/<project>
            Propose a change:     git push origin HEAD:refs/for/main
            Install the hook:     curl -o .git/hooks/commit-msg \(context.origin)/tools/hooks/commit-msg && chmod +x .git/hooks/commit-msg
            List projects:        \(context.baseURL)/projects/
            Search changes:       \(context.baseURL)/changes/?q=status:open

            """
        return Response(status: .ok, headers: [.contentType: "text/plain; charset=UTF-8"], body: .init(byteBuffer: ByteBuffer(string: text)))
    }
}
