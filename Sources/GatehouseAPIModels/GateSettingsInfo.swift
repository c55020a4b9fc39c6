/// `GET`/`PUT /projects/{project}/gate`: how the gate lands the project's changes, and whether its jobs may
/// use the network. On `PUT`, an omitted field keeps its value.
public struct GateSettingsInfo: Codable, Equatable, Sendable {
    /// `MERGE_IF_NECESSARY` (default), `FAST_FORWARD_ONLY` or `CHERRY_PICK`, Gerrit's submit type names.
    public var mergeStrategy: String?
    public var allowNetworkJobs: Bool?

    public init(mergeStrategy: String?, allowNetworkJobs: Bool?) {
        self.mergeStrategy = mergeStrategy
        self.allowNetworkJobs = allowNetworkJobs
    }

    enum CodingKeys: String, CodingKey {
        case mergeStrategy = "merge_strategy"
        case allowNetworkJobs = "allow_network_jobs"
    }
}
