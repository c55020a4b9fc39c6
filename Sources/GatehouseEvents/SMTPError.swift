/// Why mail could not be configured or sent.
package enum SMTPError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The settings are wrong: reported at start-up.
    case configuration(String)
    /// The server could not be reached, or the connection broke or timed out.
    case connection(String)
    /// The server answered a command with an error; `permanent` for 5xx, which retrying will not fix.
    case rejected(command: String, reply: SMTPReply)

    package var description: String {
        switch self {
        case .configuration(let why): "invalid mail settings: \(why)"
        case .connection(let why): why
        case .rejected(let command, let reply): "the SMTP server answered \(command) with \(reply)"
        }
    }

    /// Whether trying again later could help.
    package var isTransient: Bool {
        switch self {
        case .configuration: false
        case .connection: true
        case .rejected(_, let reply): !reply.isPermanentFailure
        }
    }
}

/// One SMTP reply: a three-digit code and its text lines (several for a multi-line `250-…` reply).
package struct SMTPReply: Hashable, Sendable, CustomStringConvertible {
    package let code: Int
    package let lines: [String]

    package init(code: Int, lines: [String]) {
        self.code = code
        self.lines = lines
    }

    package var isPositive: Bool { (200..<400).contains(code) }
    package var isPermanentFailure: Bool { (500..<600).contains(code) }
    package var description: String { "\(code) \(lines.joined(separator: " / "))" }
}
