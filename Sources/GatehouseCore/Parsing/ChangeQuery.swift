/// A parsed change search, in the subset of Gerrit's query language that clients actually send
/// (`status:open project:x`, a bare change number, `commit:<sha>`, `-is:wip`, …).
///
/// Parsing is separate from evaluation so that syntax errors are reported with a position before any
/// database work, and so each storage backend can translate the same tree into its own SQL.
package indirect enum ChangeQuery: Equatable, Sendable {
    /// All must match. Never holds a single element and never directly holds another `.and`.
    case and([ChangeQuery])
    /// Any may match. Never holds a single element and never directly holds another `.or`.
    case or([ChangeQuery])
    case not(ChangeQuery)
    /// `status:open|new|merged|abandoned|closed`, `is:open|new|merged|abandoned|closed`.
    case status(ChangeStatusFilter)
    /// `project:NAME`, matched exactly.
    case project(String)
    /// `projects:PREFIX`, matching every project whose name starts with the prefix.
    case projectPrefix(String)
    /// `branch:NAME`, the short name (a leading `refs/heads/` is removed).
    case branch(String)
    case topic(String)
    /// `hashtag:X`, without a leading `#`.
    case hashtag(String)
    /// `owner:self|USER`; `is:owner` is `owner:self`.
    case owner(AccountSelector)
    /// A bare number or `change:N`.
    case changeNumber(Int)
    /// A bare `I…` or `change:I…`: a full Change-Id or a prefix of it, hex lowercased.
    case changeKey(String)
    /// `commit:HEX` or bare hex of 7 to 40 digits: a commit SHA-1 or a prefix of it, lowercased.
    case commit(String)
    /// `is:wip`.
    case workInProgress
    /// `limit:N`, at most N results.
    case limit(Int)
    /// `label:Code-Review=+2`, `label:Verified>=1`, `label:Code-Review-2`: a vote on the current patch set in
    /// the range. `=0` means nobody voted anything but 0.
    case label(name: String, range: ClosedRange<Int>)
    /// `reviewer:self|USER`; `is:reviewer` is `reviewer:self`.
    case reviewer(AccountSelector)
    /// `age:2d`: last updated at least that many seconds ago (`-age:2d` for "within two days").
    case age(seconds: Int64)
    /// `conflicts:N`: changes whose merge would conflict with change N. Conflict detection arrives with the
    /// gate; until then nothing matches.
    case conflicts(Int)
    /// `is:mergeable`: until the gate tries merges, every open change counts as mergeable.
    case mergeable
    /// `is:starred`, `is:watched`: Gatehouse has no stars or watches yet, so nothing matches.
    case starred
    /// `is:submittable`: open, ready, and meeting every submit requirement of its project on the current patch
    /// set (`SubmitRequirements.voteConditions`).
    case submittable
}

extension ChangeQuery {
    /// Parses Gerrit search syntax: whitespace-separated terms are ANDed, `OR` binds looser than `AND`,
    /// `NOT term` and `-term` negate, parentheses group, and values may be quoted (`"a b"`) or braced (`{a b}`).
    package static func parse(_ text: String) throws(QuerySyntaxError) -> ChangeQuery {
        try ChangeQueryParser.parse(text)
    }
}

extension ChangeQuery {
    /// Whether the answer changes with the clock alone (`age:`), so it may not be kept between writes.
    package var dependsOnTime: Bool {
        switch self {
        case .and(let terms), .or(let terms): terms.contains { $0.dependsOnTime }
        case .not(let term): term.dependsOnTime
        case .age: true
        default: false
        }
    }
}
