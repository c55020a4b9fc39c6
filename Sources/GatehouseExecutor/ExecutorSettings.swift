/// How the executor runs every job on this machine; chosen by the administrator, never by a project.
package struct ExecutorSettings: Sendable, Hashable {
    package var sandbox: SandboxMode
    /// The most output a log keeps; past it a note says how much was discarded, so a chatty job can't fill the disk.
    package var outputLimitBytes: Int = 10 << 20
    /// `pids.max` for each build, so a fork bomb in a change hurts only its own build; 0 or less means no limit.
    package var processLimit: Int = 512
    /// A cgroup v1 pids directory under which each build gets its own group; `nil` runs builds without a limit.
    ///
    /// When the directory can't be created or written (no cgroups, not root), builds run without the limit and
    /// their log header says so: a missing limit is a weaker sandbox, not a reason to refuse work.
    package var cgroupParent: String? = ExecutorSettings.defaultCgroupParent

    package static let defaultCgroupParent = "/sys/fs/cgroup/pids/gatehouse"

    package init(sandbox: SandboxMode, outputLimitBytes: Int = 10 << 20, processLimit: Int = 512) {
        self.sandbox = sandbox
        self.outputLimitBytes = outputLimitBytes
        self.processLimit = processLimit
    }
}
