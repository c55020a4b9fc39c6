import Hummingbird

extension Request {
    /// An `application/x-www-form-urlencoded` body, at most 1 MiB.
    mutating func decodeForm(limit: Int = 1 << 20) async throws -> QueryParameters {
        let buffer: ByteBuffer
        do {
            buffer = try await body.collect(upTo: limit)
        } catch {
            throw HTTPFailure(status: .contentTooLarge, message: "form larger than \(limit) bytes")
        }
        guard let text = String(validating: buffer.readableBytesView, as: UTF8.self) else {
            throw HTTPFailure.badRequest("the form is not valid UTF-8")
        }
        return QueryParameters(raw: text)
    }
}
