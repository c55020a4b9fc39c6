/// The answer to a push: what happened to each command, and the messages the pusher reads as `remote:` lines.
package struct ReceivePackReport: Sendable {
    /// The outcome of one command. `rejected` reasons appear in git's `! [remote rejected] … (reason)`.
    package enum Status: Equatable, Sendable {
        case ok
        case rejected(String)
    }

    package var unpackError: String?
    package var results: [(refName: String, status: Status)] = []
    /// Lines shown to the pusher, each printed by git as `remote: <line>`.
    package var messages: [String] = []

    package init() {}

    /// The response body: report-status, wrapped in side-band channel 1 with messages on channel 2 when the
    /// client asked for side-band (every modern git does).
    package func encode(sideBand: Bool, reportStatus: Bool) -> [UInt8] {
        var status: [UInt8] = []
        if reportStatus {
            status += PktLine.encode(unpackError.map { "unpack \($0)\n" } ?? "unpack ok\n")
            for (refName, result) in results {
                switch result {
                case .ok: status += PktLine.encode("ok \(refName)\n")
                case .rejected(let reason): status += PktLine.encode("ng \(refName) \(reason.replacingNewlines)\n")
                }
            }
            status += PktLine.flush
        }
        guard sideBand else { return status }
        var out: [UInt8] = []
        if !messages.isEmpty {
            out += PktLine.sideBand(2, Array(messages.map { $0 + "\n" }.joined().utf8))
        }
        if !status.isEmpty {
            out += PktLine.sideBand(1, status)
        }
        out += PktLine.flush
        return out
    }
}

extension String {
    fileprivate var replacingNewlines: String {
        String(map { $0 == "\n" || $0 == "\r" ? " " : $0 })
    }
}
