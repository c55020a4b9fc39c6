/// A project's gate settings, set by its administrators.
package struct GateSettings: Hashable, Sendable {
    package var mergeStrategy: MergeStrategy
    /// Whether jobs of this project may declare `network: true`.
    package var allowNetworkJobs: Bool

    package init(mergeStrategy: MergeStrategy = .mergeIfNecessary, allowNetworkJobs: Bool = false) {
        self.mergeStrategy = mergeStrategy
        self.allowNetworkJobs = allowNetworkJobs
    }
}
