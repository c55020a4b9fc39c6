package import GatehouseCore
package import GatehouseExecutor

/// How the gate runs, as `gatehouse serve` was told.
package struct GateOptions: Sendable {
    /// Builds that may run at once, check and gate together.
    package var executorSlots: Int
    /// The window every queue starts with (Zuul's defaults: 20, floor 3, +1 per merge, ÷2 per failure).
    package var window: GateWindow
    /// How often a failed gate build is rerun before its item counts as failing.
    package var retries: Int
    /// The sandbox, or the reason jobs cannot run (reported on every change instead of running anything).
    package var sandbox: Result<ExecutorSettings, ExecutorError>
    /// `<data>/logs`: one folder per build, served at `/logs/<id>/`.
    package var logRoot: String
    /// `<data>/workspaces`: one checkout per running build, removed when it ends.
    package var workspaceRoot: String
    /// How often the scheduler re-reads the queues even when nothing nudged it.
    package var pollInterval: Duration

    package init(
        executorSlots: Int, window: GateWindow = GateWindow(), retries: Int = 1, sandbox: Result<ExecutorSettings, ExecutorError>,
        logRoot: String, workspaceRoot: String, pollInterval: Duration = .seconds(1)
    ) {
        self.executorSlots = executorSlots
        self.window = window
        self.retries = retries
        self.sandbox = sandbox
        self.logRoot = logRoot
        self.workspaceRoot = workspaceRoot
        self.pollInterval = pollInterval
    }
}
