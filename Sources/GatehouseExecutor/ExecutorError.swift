/// Everything that stops the executor from running a job at all (as opposed to a job that ran and failed).
package enum ExecutorError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Jobs must run sandboxed, and the sandbox cannot be used here.
    case sandboxUnavailable(String)

    package var description: String {
        switch self {
        case .sandboxUnavailable(let why): why
        }
    }
}
