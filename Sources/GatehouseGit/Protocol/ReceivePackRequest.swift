import GatehouseCore

/// The command section of a `git-receive-pack` request: the ref updates, the capabilities the client chose,
/// and its push options. The pack follows it in the same body.
///
/// Parsing is incremental: call ``parse(_:)`` on what has arrived so far; nil means "need more bytes".
package struct ReceivePackRequest: Equatable, Sendable {
    package let commands: [ReceiveCommand]
    package let capabilities: Set<String>
    package let pushOptions: [String]
    /// Where the pack begins in the bytes given to ``parse(_:)``.
    package let packOffset: Int

    /// The most commands one push may carry; more is almost certainly a mistake (or an attack).
    package static let maxCommands = 1000

    package var wantsSideBand: Bool { capabilities.contains("side-band-64k") || capabilities.contains("side-band") }
    package var wantsReportStatus: Bool { capabilities.contains("report-status") }

    /// - Returns: the request, or nil when `bytes` ends before the command section does.
    /// - Throws: ``GitError/protocolViolation(_:)`` for anything that is not a well-formed command section.
    package static func parse(_ bytes: [UInt8]) throws(GitError) -> ReceivePackRequest? {
        var offset = 0
        var commands: [ReceiveCommand] = []
        var capabilities: Set<String> = []
        commandLoop: while true {
            guard let packet = try PktLine.read(bytes, at: &offset) else { return nil }
            switch packet {
            case .flush:
                break commandLoop
            case .delimiter:
                throw .protocolViolation("unexpected delimiter packet in push commands")
            case .data(var payload):
                if commands.isEmpty, let nul = payload.firstIndex(of: 0) {
                    let caps = String(decoding: payload[(nul + 1)...], as: UTF8.self)
                    capabilities = Set(caps.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init))
                    payload = Array(payload[..<nul])
                }
                if payload.last == UInt8(ascii: "\n") { payload.removeLast() }
                commands.append(try command(from: payload))
                guard commands.count <= maxCommands else { throw .protocolViolation("too many commands in one push") }
            }
        }
        guard !commands.isEmpty else { throw .protocolViolation("push without commands") }
        var pushOptions: [String] = []
        if capabilities.contains("push-options") {
            optionLoop: while true {
                guard let packet = try PktLine.read(bytes, at: &offset) else { return nil }
                switch packet {
                case .flush: break optionLoop
                case .delimiter: throw .protocolViolation("unexpected delimiter packet in push options")
                case .data(var payload):
                    if payload.last == UInt8(ascii: "\n") { payload.removeLast() }
                    guard let option = String(validating: payload, as: UTF8.self) else {
                        throw .protocolViolation("push option is not valid UTF-8")
                    }
                    pushOptions.append(option)
                    guard pushOptions.count <= maxCommands else { throw .protocolViolation("too many push options") }
                }
            }
        }
        return ReceivePackRequest(commands: commands, capabilities: capabilities, pushOptions: pushOptions, packOffset: offset)
    }

    private static func command(from payload: [UInt8]) throws(GitError) -> ReceiveCommand {
        guard let line = String(validating: payload, as: UTF8.self) else {
            throw .protocolViolation("ref name is not valid UTF-8")
        }
        let parts = line.split(separator: " ", maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count == 3, let old = CommitID(String(parts[0])), let new = CommitID(String(parts[1])),
            !parts[2].isEmpty, !parts[2].unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7f })
        else {
            throw .protocolViolation("malformed push command \(line.prefix(120).debugDescription)")
        }
        return ReceiveCommand(old: old, new: new, refName: String(parts[2]))
    }
}
