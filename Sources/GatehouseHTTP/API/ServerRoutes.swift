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
}
