import Foundation
import GatehouseAPIModels
import GatehouseCore
import GatehouseGate
import GatehouseReview
import GatehouseStore
import Hummingbird

/// The gate's native API and build logs: `/api/gate/status`, `/api/changes/{n}/builds`, `/logs/<id>/`.
///
/// Native endpoints answer plain JSON (no XSSI prefix): they are ours, not Gerrit's, and a status page or a
/// `curl | jq` should not have to strip anything.
struct GateRoutes {
    let context: ReviewContext
    let gate: GateScheduler?
    let logRoot: String


    func api(_ api: APIRequest) async throws -> Response {
        guard api.method == .get else { throw HTTPFailure.methodNotAllowed }
        switch Array(api.segments.dropFirst()) {
        case ["gate", "status"]:
            return try GerritResponse.nativeJSON(try await status(for: api.user))
        case let path where path.count == 3 && path[0] == "changes" && path[2] == "builds":
            guard let number = Int(path[1]), number > 0 else { throw HTTPFailure.badRequest("\"\(path[1])\" is not a change number") }
            return try GerritResponse.nativeJSON(try await builds(of: number, user: api.user))
        default:
            throw HTTPFailure.notFound()
        }
    }

    /// The gate's status, limited to the projects `user` may read.
    func status(for user: CurrentUser) async throws -> GateStatusInfo {
        guard let gate else { throw HTTPFailure(status: .serviceUnavailable, message: "the gate is not running on this server") }
        var status = try await gate.status()
        let readable = try await readableProjects(user)
        status.queues = status.queues.filter { readable.contains($0.project) }
        status.check = status.check.filter { readable.contains($0.project) }
        status.notEnqueued = status.notEnqueued.filter { readable.contains($0.project) }
        return status
    }

    /// Every build of a change the user may read, oldest first.
    func builds(of number: Change.Number, user: CurrentUser) async throws -> [BuildInfo] {
        let builds = try await context.store.read { tx in
            _ = try await ChangeAccess.load(number, user: user, in: tx)
            return try await tx.builds(ofChange: number)
        }
        return builds.map(info)
    }

    /// A build the user may read, with its project; 404 otherwise.
    func build(_ id: Int, user: CurrentUser) async throws -> (Build, BuildInfo) {
        let build = try await context.store.read { tx in
            guard let build = try await tx.build(id: id), let project = try await tx.project(named: build.project), user.canRead(project)
            else { throw HTTPFailure.notFound("no build \(id)") }
            return build
        }
        return (build, info(build))
    }

    /// The log as written so far, nil before the build started writing it.
    func logData(_ id: Int) -> Data? {
        FileManager.default.contents(atPath: "\(logRoot)/\(id)/log.txt")
    }

    /// `/logs/<id>/`: the build's log as plain text, as far as it has been written (it grows while the build runs).
    func log(_ api: APIRequest) async throws -> Response {
        guard api.method == .get || api.method == .head else { throw HTTPFailure.methodNotAllowed }
        let path = Array(api.segments.dropFirst())
        guard path.count == 1 || (path.count == 2 && path[1] == "log.txt"), let id = Int(path[0]), id > 0 else {
            throw HTTPFailure.notFound()
        }
        _ = try await build(id, user: api.user)
        guard let data = logData(id) else {
            return Response(status: .ok, headers: [.contentType: "text/plain; charset=UTF-8"], body: .init(byteBuffer: ByteBuffer(string: "# waiting for a build slot\n")))
        }
        return Response(
            status: .ok, headers: [.contentType: "text/plain; charset=UTF-8", .cacheControl: "no-cache"],
            body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    private func info(_ build: Build) -> BuildInfo {
        BuildInfo(
            id: build.id, pipeline: build.pipeline.rawValue, job: build.job, patchSet: build.patchSet.patchSet, attempt: build.attempt,
            result: build.result?.rawValue, commit: build.commit?.hex, changes: build.changes, start: build.startedAt.gerritFormat,
            end: build.endedAt?.gerritFormat, logURL: "\(context.baseURL)/logs/\(build.id)/")
    }

    private func readableProjects(_ user: CurrentUser) async throws -> Set<String> {
        try await context.store.read { tx in
            Set(try await tx.projects(includePrivate: !user.isAnonymous).map(\.name.rawValue))
        }
    }
}
