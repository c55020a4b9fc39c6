package import GatehouseCore
import SQLKit

/// Who is asking: decides which projects' changes a query may return and what `self` means.
package struct QueryViewer: Sendable {
    package let accountID: Account.ID?
    package init(accountID: Account.ID?) { self.accountID = accountID }
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
        var condition = try Self.compile(query, viewer: viewer)
        if viewer.accountID == nil {
            condition = "(\(condition)) AND c.project IN (SELECT name FROM projects WHERE private = 0)"
        }
        let rows = try await changes(where: condition, limit: limit + 1, offset: start)
        return ChangeQueryPage(changes: Array(rows.prefix(limit)), hasMore: rows.count > limit)
    }

    static func compile(_ query: ChangeQuery, viewer: QueryViewer) throws -> SQLQueryString {
        switch query {
        case .and(let terms):
            return "(" + (try terms.map { try compile($0, viewer: viewer) }).joined(separator: " AND ") + ")"
        case .or(let terms):
            return "(" + (try terms.map { try compile($0, viewer: viewer) }).joined(separator: " OR ") + ")"
        case .not(let term):
            return "NOT \(try compile(term, viewer: viewer))"
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
        }
    }
}

extension ChangeQuery {
    /// The smallest `limit:` anywhere in the query, which caps the page size like Gerrit's.
    var limitTerm: Int? {
        switch self {
        case .limit(let n): n
        case .and(let terms), .or(let terms): terms.compactMap(\.limitTerm).min()
        case .not: nil
        default: nil
        }
    }
}
