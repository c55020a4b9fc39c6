/// Gerrit's `o=` query options. Every name Gerrit accepts is accepted; those Gatehouse does not fill yet are
/// harmless no-ops, and an unknown name is a 400 like Gerrit's.
enum ChangeOption: String, CaseIterable {
    case labels = "LABELS"
    case detailedLabels = "DETAILED_LABELS"
    case currentRevision = "CURRENT_REVISION"
    case allRevisions = "ALL_REVISIONS"
    case currentCommit = "CURRENT_COMMIT"
    case allCommits = "ALL_COMMITS"
    case currentFiles = "CURRENT_FILES"
    case allFiles = "ALL_FILES"
    case detailedAccounts = "DETAILED_ACCOUNTS"
    case reviewerUpdates = "REVIEWER_UPDATES"
    case messages = "MESSAGES"
    case currentActions = "CURRENT_ACTIONS"
    case changeActions = "CHANGE_ACTIONS"
    case reviewed = "REVIEWED"
    case skipMergeable = "SKIP_MERGEABLE"
    case skipDiffstat = "SKIP_DIFFSTAT"
    case submittable = "SUBMITTABLE"
    case webLinks = "WEB_LINKS"
    case check = "CHECK"
    case commitFooters = "COMMIT_FOOTERS"
    case pushCertificates = "PUSH_CERTIFICATES"
    case trackingIDs = "TRACKING_IDS"
    case downloadCommands = "DOWNLOAD_COMMANDS"
    case star = "STAR"
    case submitRequirements = "SUBMIT_REQUIREMENTS"
    case customKeyedValues = "CUSTOM_KEYED_VALUES"
    case parents = "PARENTS"

    /// Parses every `o=` value; Gerrit also accepts hex-encoded option sets, which no client we know sends.
    static func parse(_ values: [String]) throws -> Set<ChangeOption> {
        var options: Set<ChangeOption> = []
        for value in values {
            guard let option = ChangeOption(rawValue: value.uppercased()) else {
                throw HTTPFailure.badRequest("\"\(value)\" is not a valid value for \"-o\"")
            }
            options.insert(option)
        }
        return options
    }

    /// What `/detail` adds to the options the client named.
    static let detailOptions: Set<ChangeOption> = [
        .labels, .detailedLabels, .detailedAccounts, .reviewerUpdates, .messages, .submitRequirements, .submittable,
    ]
}
