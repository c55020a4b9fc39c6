/// One job a project defines in `.gatehouse.yaml`: a name, the shell commands it runs, and its limits.
///
/// Jobs are read from the commit under test, so a change that edits its own jobs is tested with them. The
/// definition says nothing about how the job runs (the executor's sandbox decides that), only what it asks for.
package struct JobDefinition: Hashable, Sendable {
    /// Used in build listings, messages and log URLs: letters, digits, `.`, `_` and `-`.
    package var name: String
    /// Run in order in one shell; the first command that fails fails the job.
    package var commands: [String]
    /// The build is killed and counts as `TIMED_OUT` after this many seconds.
    package var timeoutSeconds: Int
    /// Whether the job asks for network access; only granted where a project administrator allowed it.
    package var network: Bool

    /// Thirty minutes, as the configuration documents.
    package static let defaultTimeoutSeconds = 30 * 60

    package init(name: String, commands: [String], timeoutSeconds: Int = JobDefinition.defaultTimeoutSeconds, network: Bool = false) {
        self.name = name
        self.commands = commands
        self.timeoutSeconds = timeoutSeconds
        self.network = network
    }
}
