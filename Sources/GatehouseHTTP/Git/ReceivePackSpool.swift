import Foundation
import GatehouseGit

/// Collects a push body as it streams in: the command section in memory (bounded), the pack in a temporary
/// file, counting bytes so an oversized pack is noticed without being stored.
///
/// After the limit is passed the rest of the body is read and dropped, so the pusher still gets a proper
/// report saying why instead of a reset connection; past the limit plus as much again (at least 64 MiB) the
/// request is cut off with a 413.
final class ReceivePackSpool {
    let path: String
    private let maxPackBytes: Int
    private var header: [UInt8] = []
    private var request: ReceivePackRequest?
    private var file: FileHandle?
    private(set) var packBytes = 0
    private(set) var exceededLimit = false

    init(maxPackBytes: Int) throws {
        self.maxPackBytes = maxPackBytes
        self.path = FileManager.default.temporaryDirectory.appendingPathComponent("gatehouse-push-\(UUID().uuidString).pack").path
    }

    func append(_ bytes: [UInt8]) throws {
        if request == nil {
            header += bytes
            guard let parsed = try ReceivePackRequest.parse(header) else {
                guard header.count <= GitRoutes.maxRequestHeaderBytes else { throw GitError.protocolViolation("push command section too large") }
                return
            }
            request = parsed
            let rest = Array(header[parsed.packOffset...])
            header = []
            try writePack(rest)
        } else {
            try writePack(bytes)
        }
    }

    /// The parsed command section, or nil when the body ended before it did.
    func finish() throws -> ReceivePackRequest? {
        try file?.close()
        file = nil
        return request
    }

    func remove() {
        try? file?.close()
        try? FileManager.default.removeItem(atPath: path)
    }

    private func writePack(_ bytes: [UInt8]) throws {
        guard !bytes.isEmpty else { return }
        packBytes += bytes.count
        if packBytes > maxPackBytes + max(maxPackBytes, 64 << 20) { throw GitError.packTooLarge(limit: maxPackBytes) }
        if packBytes > maxPackBytes {
            exceededLimit = true
            try? file?.close()
            file = nil
            return
        }
        if file == nil {
            _ = FileManager.default.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600])
            file = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        }
        try file?.write(contentsOf: bytes)
    }
}
