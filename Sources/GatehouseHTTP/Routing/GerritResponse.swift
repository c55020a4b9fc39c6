import GatehouseAPIModels
import Hummingbird

/// Responses in the shapes Gerrit clients parse.
enum GerritResponse {
    /// JSON behind the `)]}'` line that git-review and gertty cut off unconditionally.
    static func json(_ value: some Encodable, status: HTTPResponse.Status = .ok) throws -> Response {
        json(body: try jsonBody(value), status: status)
    }

    /// The body ``json(_:status:)`` sends, for an answer that is kept and sent again.
    static func jsonBody(_ value: some Encodable) throws -> ByteBuffer {
        var body = Array(")]}'\n".utf8)
        try JSONWriter.write(value, into: &body)
        body.append(0x0A)
        return ByteBuffer(bytes: body)
    }

    static func json(body: ByteBuffer, status: HTTPResponse.Status = .ok) -> Response {
        Response(
            status: status,
            headers: [.contentType: "application/json; charset=UTF-8", .cacheControl: "no-cache, no-store, max-age=0, must-revalidate"],
            body: .init(byteBuffer: body)
        )
    }

    /// Plain JSON for Gatehouse's own endpoints (`/api/…`): no XSSI prefix, since no Gerrit client reads them
    /// and a status page or `curl | jq` should not have to strip anything.
    static func nativeJSON(_ value: some Encodable, status: HTTPResponse.Status = .ok) throws -> Response {
        var body = try JSONWriter.encode(value)
        body.append(0x0A)
        return Response(status: status, headers: [.contentType: "application/json; charset=UTF-8"], body: .init(byteBuffer: ByteBuffer(bytes: body)))
    }

    /// A one-line plain-text reason, as Gerrit sends errors (no XSSI prefix).
    static func text(_ message: String, status: HTTPResponse.Status) -> Response {
        var headers: HTTPFields = [.contentType: "text/plain; charset=UTF-8"]
        if status == .unauthorized { headers[.wwwAuthenticate] = "Basic realm=\"Gatehouse\"" }
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: message + "\n")))
    }

    static func noContent() -> Response { Response(status: .noContent) }
}
