package import GatehouseCore

/// How one build ended, with the figures a build listing shows.
package struct JobOutcome: Sendable, Hashable {
    /// `success` for exit 0; `failure` for a non-zero exit, a kill by a signal, or a job that could not start;
    /// `timedOut`; `aborted` when the calling task was cancelled.
    package var result: BuildResult
    /// The exit status (128 + signal for a killed job); `nil` when the runner killed it or it never started.
    package var exitCode: Int32?
    package var duration: Duration
    /// Every byte of output the job produced, including those discarded past the limit.
    package var outputBytes: Int
    /// Whether the log stops at the output limit.
    package var truncated: Bool

    package init(result: BuildResult, exitCode: Int32?, duration: Duration, outputBytes: Int, truncated: Bool) {
        self.result = result
        self.exitCode = exitCode
        self.duration = duration
        self.outputBytes = outputBytes
        self.truncated = truncated
    }
}
