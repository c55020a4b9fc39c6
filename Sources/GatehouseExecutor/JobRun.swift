/// One build to run: what the job asks for, resolved against one prepared workspace.
package struct JobRun: Sendable {
    /// Shell commands run in order by one shell, so they share the working directory and variables; the first
    /// command that fails (even inside `a && b`) fails the job.
    package var commands: [String]
    /// The build is killed and counts as `TIMED_OUT` after this long.
    package var timeout: Duration
    /// Whether the job shares the host's network namespace; otherwise it has only its own loopback.
    package var network: Bool
    /// Variables added to the scrubbed base (`GATEHOUSE_CHANGE`, `GATEHOUSE_PATCHSET`, …); they win over it.
    package var environment: [String: String]
    /// Absolute path of the directory holding the checkout: the job's working directory and its only writable place.
    package var workspace: String
    /// Absolute path of the log, created and appended to while the job runs so readers can tail it live.
    package var logPath: String

    package init(
        commands: [String],
        timeout: Duration,
        network: Bool = false,
        environment: [String: String] = [:],
        workspace: String,
        logPath: String
    ) {
        self.commands = commands
        self.timeout = timeout
        self.network = network
        self.environment = environment
        self.workspace = workspace
        self.logPath = logPath
    }
}
