package import GatehouseCore
import SQLKit

/// Who is asking: decides which projects' changes a query may return and what `self` means.
package struct QueryViewer: Sendable {
    package let accountID: Account.ID?
    /// What `age:` counts back from.
    package let now: Timestamp
    package init(accountID: Account.ID?, now: Timestamp) {
        self.accountID = accountID
        self.now = now
    }
}

/// A query's answer: at most the requested number of changes, and whether more matched.
package struct ChangeQueryPage: Sendable {
    package let changes: [Change]
    package let hasMore: Bool
}

/// A query that cannot run for this viewer (not a syntax error: that is the parser's).
package struct ChangeQueryError: Error, CustomStringConvertible {
    package let description: String
}

extension StoreTransaction {
    /// Runs a parsed search over the changes the viewer may see, newest update first.
    ///
    /// The whole query becomes one SQL WHERE clause, so filtering, ordering and paging happen in the database.
    package func changes(matching query: ChangeQuery, viewer: QueryViewer, limit: Int, start: Int) async throws -> ChangeQueryPage {
        let limit = min(limit, query.limitTerm ?? limit)
        var submitConditions: [ProjectName: [SubmitRequirements.VoteCondition]] = [:]
        if query.mentionsSubmittable {
            for project in try await projects(includePrivate: true) {
                submitConditions[project.name] = SubmitRequirements.voteConditions(
                    labels: try await labels(of: project.name), rules: try await submitRules(of: project.name))
            }
        }
        var condition = try Self.compile(query, viewer: viewer, submitConditions: submitConditions)
        if viewer.accountID == nil {
            condition = "(\(condition)) AND c.project IN (SELECT name FROM projects WHERE private = 0)"
        }
        let rows = try await changes(where: condition, limit: limit + 1, offset: start)
        return ChangeQueryPage(changes: Array(rows.prefix(limit)), hasMore: rows.count > limit)
    }

    /// - Parameter submitConditions: each project's conditions on votes, which `is:submittable` tests.
    static func compile(
        _ query: ChangeQuery, viewer: QueryViewer, submitConditions: [ProjectName: [SubmitRequirements.VoteCondition]] = [:]
    ) throws -> SQLQueryString {
        func compile(_ query: ChangeQuery) throws -> SQLQueryString {
            try Self.compile(query, viewer: viewer, submitConditions: submitConditions)
        }
        switch query {
        case .and(let terms):
            return "(" + (try terms.map(compile)).joined(separator: " AND ") + ")"
        case .or(let terms):
            return "(" + (try terms.map(compile)).joined(separator: " OR ") + ")"
        case .not(let term):
            return "NOT \(try compile(term))"
        case .status(let filter):
            switch filter {
            case .open: return "c.status = 'NEW'"
            case .merged: return "c.status = 'MERGED'"
            case .abandoned: return "c.status = 'ABANDONED'"
            case .closed: return "c.status IN ('MERGED', 'ABANDONED')"
            }
        case .project(let name):
            return "c.project = \(bind: name)"
        case .projectPrefix(let prefix):
            return "substr(c.project, 1, \(literal: prefix.count)) = \(bind: prefix)"
        case .branch(let name):
            return "c.branch = \(bind: name)"
        case .topic(let topic):
            return "c.topic = \(bind: topic)"
        case .hashtag(let tag):
            return "c.number IN (SELECT change_number FROM change_hashtags WHERE hashtag = \(bind: tag))"
        case .owner(.current):
            guard let id = viewer.accountID else { throw ChangeQueryError(description: "Must be signed-in to use owner:self") }
            return "c.owner_id = \(bind: id)"
        case .owner(.named(let name)):
            let id = Int(name) ?? -1
            return "c.owner_id IN (SELECT id FROM accounts WHERE username = \(bind: name) OR email = \(bind: name) OR id = \(bind: id))"
        case .changeNumber(let number):
            return "c.number = \(bind: number)"
        case .changeKey(let key) where ChangeKey(key) != nil:
            return "c.change_key = \(bind: key)"  // a whole key: use the index
        case .changeKey(let prefix):
            return "substr(c.change_key, 1, \(literal: prefix.count)) = \(bind: prefix)"
        case .commit(let sha) where CommitID(sha) != nil:
            return "c.number IN (SELECT change_number FROM patch_sets WHERE commit_id = \(bind: sha))"
        case .commit(let prefix):
            return "c.number IN (SELECT change_number FROM patch_sets WHERE substr(commit_id, 1, \(literal: prefix.count)) = \(bind: prefix))"
        case .workInProgress:
            return "c.wip = 1"
        case .limit:
            return "1 = 1"
        case .label(let name, let range):
            let votes: SQLQueryString = "SELECT v.change_number FROM votes v JOIN changes vc ON vc.number = v.change_number AND vc.current_patch_set = v.patch_set WHERE v.label = \(bind: name)"
            if range == 0...0 { return "c.number NOT IN (\(votes))" }
            let low = max(range.lowerBound, -1_000_000)
            let high = min(range.upperBound, 1_000_000)
            return "c.number IN (\(votes) AND v.value BETWEEN \(bind: low) AND \(bind: high) AND v.value <> 0)"
        case .reviewer(.current):
            guard let id = viewer.accountID else { throw ChangeQueryError(description: "Must be signed-in to use reviewer:self") }
            return "c.number IN (SELECT change_number FROM change_reviewers WHERE account_id = \(bind: id))"
        case .reviewer(.named(let name)):
            let id = Int(name) ?? -1
            return """
                c.number IN (SELECT r.change_number FROM change_reviewers r JOIN accounts a ON a.id = r.account_id
                             WHERE a.username = \(bind: name) OR a.email = \(bind: name) OR a.id = \(bind: id))
                """
        case .age(let seconds):
            let (limit, overflow) = viewer.now.nanosecondsSinceEpoch.subtractingReportingOverflow(seconds.multipliedReportingOverflow(by: 1_000_000_000).partialValue)
            return "c.updated_at <= \(bind: overflow ? Int64.min : limit)"
        case .conflicts, .starred:
            return "1 = 0"
        case .mergeable:
            return "c.status = 'NEW'"
        case .submittable:
            return submittable(submitConditions)
        }
    }

    /// `is:submittable` as SQL: open, ready, and for the change's project every vote condition met on the
    /// current patch set. Projects are listed in name order so the statement's text, and its plan, stay the same.
    private static func submittable(_ conditions: [ProjectName: [SubmitRequirements.VoteCondition]]) -> SQLQueryString {
        let projects: [SQLQueryString] = conditions.sorted { $0.key.rawValue < $1.key.rawValue }.map { project, conditions in
            var parts: [SQLQueryString] = ["c.project = \(bind: project.rawValue)"]
            for condition in conditions {
                let match: (Int) -> SQLQueryString = { value in
                    """
                    FROM votes v WHERE v.change_number = c.number AND v.patch_set = c.current_patch_set \
                    AND v.label = \(bind: condition.label) AND v.value = \(bind: value) AND v.value <> 0
                    """
                }
                parts.append("NOT EXISTS (SELECT 1 \(match(condition.veto)))")
                parts.append("(SELECT COUNT(*) \(match(condition.approval))) >= \(bind: condition.required)")
            }
            return "(" + parts.joined(separator: " AND ") + ")"
        }
        guard !projects.isEmpty else { return "1 = 0" }
        return "(c.status = 'NEW' AND c.wip = 0 AND (" + projects.joined(separator: " OR ") + "))"
    }
}

extension ChangeQuery {
    /// Whether `is:submittable` appears anywhere, so the projects' submit requirements must be loaded.
    var mentionsSubmittable: Bool {
        switch self {
        case .submittable: true
        case .and(let terms), .or(let terms): terms.contains { $0.mentionsSubmittable }
        case .not(let term): term.mentionsSubmittable
        default: false
        }
    }

    /// The smallest `limit:` anywhere in the query, which caps the page size like Gerrit's.
    var limitTerm: Int? {
        switch self {
        case .limit(let n): n
        case .and(let terms), .or(let terms): terms.compactMap(\.limitTerm).min()
        default: nil
        }
    }
}
