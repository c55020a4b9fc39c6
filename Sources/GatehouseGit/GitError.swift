/// Everything that can go wrong in GatehouseGit. The HTTP layer maps these to responses in one place.
package enum GitError: Error, CustomStringConvertible {
    /// The git binary could not be started at all.
    case launchFailed(arguments: [String], reason: String)
    /// git ran and failed; its stderr says why.
    case commandFailed(GitOutput)
    /// A client sent something that is not the git protocol.
    case protocolViolation(String)
    /// A pack larger than the configured limit.
    case packTooLarge(limit: Int)
    /// git printed something we could not understand: a bug or an unsupported git version.
    case unexpectedOutput(String)

    package var description: String {
        switch self {
        case .launchFailed(let arguments, let reason):
            "could not run git \(arguments.first ?? ""): \(reason)"
        case .commandFailed(let output):
            "git \(output.arguments.prefix(2).joined(separator: " ")) failed (exit \(output.exitCode)): \(output.errorText)"
        case .protocolViolation(let message):
            "protocol error: \(message)"
        case .packTooLarge(let limit):
            "pack exceeds the maximum allowed size of \(limit) bytes"
        case .unexpectedOutput(let message):
            "unexpected git output: \(message)"
        }
    }
}
