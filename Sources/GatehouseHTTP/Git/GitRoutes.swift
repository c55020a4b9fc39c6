import Foundation
import GatehouseCore
import GatehouseGit
import GatehouseReview
import GatehouseStore
import Hummingbird

/// git's smart HTTP protocol: clone and fetch (anonymous where the project allows), and push for review.
///
/// Fetches run git's own `upload-pack`. Pushes are received here, not by `git receive-pack`: the command
/// section is parsed, the pack is streamed to a spool file with a size limit, and ``ReceiveCommits`` decides
/// what each ref becomes, so no `refs/for/*` ref ever exists and every refusal uses Gerrit's wording.
struct GitRoutes {
    let context: ReviewContext
    let settings: HTTPSettings

    /// Bound on the command section of a push and on a fetch negotiation.
    static let maxRequestHeaderBytes = 1 << 20
    static let maxNegotiationBytes = 16 << 20

    func handle(_ route: GitRoute, api: inout APIRequest) async throws -> Response {
        let project = try await project(route.projectText, user: api.user)
        let repository = context.repository(for: project.name)
        let gitProtocol = api.request.headers.first { $0.name.canonicalName == "git-protocol" }?.value
        switch (route.kind, api.method) {
        case (.advertisement(.uploadPack), .get):
            var output: [UInt8] = []
            try await UploadPack.advertise(repository: repository, gitProtocol: gitProtocol) { output += $0 }
            return Self.gitResponse(output, contentType: "application/x-git-upload-pack-advertisement")
        case (.rpc(.uploadPack), .post):
            let request = try await negotiationBody(&api)
            let body = ResponseBody { writer in
                try await UploadPack.serve(repository: repository, gitProtocol: gitProtocol, request: request) { chunk in
                    try await writer.write(ByteBuffer(bytes: chunk))
                }
                try await writer.finish(nil)
            }
            return Response(status: .ok, headers: Self.headers("application/x-git-upload-pack-result"), body: body)
        case (.advertisement(.receivePack), .get):
            _ = try api.user.requireAccount()
            let refs = try await repository.refs(under: ["refs/heads/", "refs/tags/"])
            return Self.gitResponse(ReceivePackAdvertisement.encode(refs: refs), contentType: "application/x-git-receive-pack-advertisement")
        case (.rpc(.receivePack), .post):
            let pusher = try api.user.requireAccount()
            return try await receivePack(&api, project: project, pusher: pusher)
        default:
            throw HTTPFailure.methodNotAllowed
        }
    }

    /// The project, or the answer git understands: 401 (so it retries with credentials) for a private project
    /// and an anonymous caller, 404 ("repository not found") for names that do not exist or are invalid.
    private func project(_ text: String, user: CurrentUser) async throws -> Project {
        guard let name = try? ProjectName(text), let project = try await context.store.read({ try await $0.project(named: name) }) else {
            throw HTTPFailure.notFound("repository not found")
        }
        guard user.canRead(project) else {
            if user.isAnonymous { throw ReviewError.unauthorized }
            throw HTTPFailure.notFound("repository not found")
        }
        return project
    }

    private func receivePack(_ api: inout APIRequest, project: Project, pusher: Account) async throws -> Response {
        if let encoding = api.request.headers[.contentEncoding], encoding != "identity" {
            throw HTTPFailure(status: .unsupportedMediaType, message: "compressed push requests are not supported")
        }
        let spool = try ReceivePackSpool(maxPackBytes: settings.maxPackBytes)
        defer { spool.remove() }
        // A malformed request is still read to its end (within bounds) before the 400, so the client sees
        // the answer instead of a connection reset mid-upload.
        var failure: (any Error)?
        var drained = 0
        for try await chunk in api.request.body {
            guard failure == nil else {
                drained += chunk.readableBytes
                if drained > Self.maxRequestHeaderBytes { break }
                continue
            }
            do {
                try spool.append(Array(chunk.readableBytesView))
            } catch GitError.packTooLarge(let limit) {
                throw GitError.packTooLarge(limit: limit)
            } catch {
                failure = error
            }
        }
        if let failure { throw failure }
        guard let request = try spool.finish() else { throw HTTPFailure.badRequest("git protocol error: truncated push request") }
        var report: ReceivePackReport
        if spool.exceededLimit {
            report = ReceivePackReport()
            report.unpackError = "pack exceeds maximum allowed size"
            let reason = "pack exceeds maximum allowed size (\(settings.maxPackBytes) bytes)"
            report.results = request.commands.map { ($0.refName, .rejected(reason)) }
            report.messages = ["ERROR: \(reason)"]
        } else {
            report = await ReceiveCommits(context: context, project: project, pusher: pusher)
                .run(request: request, packFile: spool.packBytes > 0 ? spool.path : nil, maxPackBytes: settings.maxPackBytes)
        }
        let body = report.encode(sideBand: request.wantsSideBand, reportStatus: request.wantsReportStatus)
        return Self.gitResponse(body, contentType: "application/x-git-receive-pack-result")
    }

    /// The upload-pack request body, gunzipped when git compressed it (it does for large negotiations).
    private func negotiationBody(_ api: inout APIRequest) async throws -> [UInt8] {
        let buffer: ByteBuffer
        do {
            buffer = try await api.request.body.collect(upTo: Self.maxNegotiationBytes)
        } catch {
            throw HTTPFailure(status: .contentTooLarge, message: "fetch negotiation larger than \(Self.maxNegotiationBytes) bytes")
        }
        let bytes = Array(buffer.readableBytesView)
        switch api.request.headers[.contentEncoding] {
        case nil, "identity": return bytes
        case "gzip", "x-gzip":
            let output = try await context.git.decompressGzip(bytes, limit: Self.maxNegotiationBytes)
            guard let output else { throw HTTPFailure.badRequest("invalid gzip request body") }
            return output
        case let other?:
            throw HTTPFailure(status: .unsupportedMediaType, message: "unsupported Content-Encoding \(other)")
        }
    }

    private static func headers(_ contentType: String) -> HTTPFields {
        [.contentType: contentType, .cacheControl: "no-cache, max-age=0, must-revalidate", .expires: "Fri, 01 Jan 1980 00:00:00 GMT"]
    }

    private static func gitResponse(_ bytes: [UInt8], contentType: String) -> Response {
        Response(status: .ok, headers: headers(contentType), body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }
}
