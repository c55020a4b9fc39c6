package import GatehouseCore
import SQLKit

extension StoreTransaction {
    static let changeColumns = """
        c.number, c.project, c.branch, c.change_key, c.owner_id, c.subject, c.status, c.topic, c.wip,
        c.current_patch_set, c.created_at, c.updated_at
        """

    package func insertChange(_ change: Change) async throws {
        try await sql.raw("""
            INSERT INTO changes (number, project, branch, change_key, owner_id, subject, status, topic, wip,
                                 current_patch_set, created_at, updated_at)
            VALUES (\(bind: change.number), \(bind: change.project.rawValue), \(bind: change.branch.rawValue),
                    \(bind: change.key.rawValue), \(bind: change.ownerID), \(bind: change.subject), \(bind: change.status.rawValue),
                    \(bind: change.topic), \(bind: change.isWorkInProgress ? 1 : 0), \(bind: change.currentPatchSet),
                    \(bind: change.createdAt.nanosecondsSinceEpoch), \(bind: change.updatedAt.nanosecondsSinceEpoch))
            """).run()
        for tag in Set(change.hashtags) {
            try await sql.raw("INSERT INTO change_hashtags (change_number, hashtag) VALUES (\(bind: change.number), \(bind: tag))").run()
        }
    }

    /// Writes the mutable fields of `change` (subject, status, topic, flags, current patch set, hashtags).
    package func updateChange(_ change: Change) async throws {
        try await sql.raw("""
            UPDATE changes SET subject = \(bind: change.subject), status = \(bind: change.status.rawValue), topic = \(bind: change.topic),
                wip = \(bind: change.isWorkInProgress ? 1 : 0), current_patch_set = \(bind: change.currentPatchSet),
                updated_at = \(bind: change.updatedAt.nanosecondsSinceEpoch)
            WHERE number = \(bind: change.number)
            """).run()
        try await sql.raw("DELETE FROM change_hashtags WHERE change_number = \(bind: change.number)").run()
        for tag in Set(change.hashtags) {
            try await sql.raw("INSERT INTO change_hashtags (change_number, hashtag) VALUES (\(bind: change.number), \(bind: tag))").run()
        }
    }

    package func change(number: Change.Number) async throws -> Change? {
        try await changes(where: "c.number = \(bind: number)").first
    }

    /// The change a `Change-Id` names on one project and branch, whatever its status.
    package func change(project: ProjectName, branch: BranchName, key: ChangeKey) async throws -> Change? {
        try await changes(where: """
            c.project = \(bind: project.rawValue) AND c.branch = \(bind: branch.rawValue) AND c.change_key = \(bind: key.rawValue)
            """).first
    }

    /// Every change with this `Change-Id`, on any project or branch (Gerrit's bare `I…` identifier).
    package func changes(key: ChangeKey) async throws -> [Change] {
        try await changes(where: "c.change_key = \(bind: key.rawValue)")
    }

    /// Changes matching a WHERE clause over alias `c`, most recently updated first, with their hashtags.
    ///
    /// One statement, as a change page or a search result needs the changes and their hashtags every time: the
    /// page of changes is a derived table (so LIMIT counts changes, not hashtags) joined to its hashtags, and a
    /// change with several hashtags comes back as consecutive rows, one for each.
    func changes(where condition: SQLQueryString, limit: Int? = nil, offset: Int = 0) async throws -> [Change] {
        var page: SQLQueryString = "SELECT \(unsafeRaw: Self.changeColumns) FROM changes c WHERE \(condition) ORDER BY c.updated_at DESC, c.number DESC"
        if let limit { page += " LIMIT \(literal: limit) OFFSET \(literal: offset)" }
        let rows = try await sql.raw("""
            SELECT c.*, h.hashtag FROM (\(page)) c LEFT JOIN change_hashtags h ON h.change_number = c.number
            ORDER BY c.updated_at DESC, c.number DESC, h.hashtag
            """).all()
        var changes: [Change] = []
        for row in rows {
            let hashtag = try row.decode(column: "hashtag", as: String?.self)
            if let last = changes.last, try last.number == row.decode(column: "number", as: Int.self) {
                if let hashtag { changes[changes.count - 1].hashtags.append(hashtag) }
                continue
            }
            var change = try Self.change(from: row)
            change.hashtags = hashtag.map { [$0] } ?? []
            changes.append(change)
        }
        return changes
    }

    package func insertPatchSet(_ patchSet: PatchSet) async throws {
        try await sql.raw("""
            INSERT INTO patch_sets (change_number, number, commit_id, parents, uploader_id, created_at, kind)
            VALUES (\(bind: patchSet.id.change), \(bind: patchSet.id.patchSet), \(bind: patchSet.commit.hex),
                    \(bind: patchSet.parents.map(\.hex).joined(separator: " ")), \(bind: patchSet.uploaderID),
                    \(bind: patchSet.createdAt.nanosecondsSinceEpoch), \(bind: patchSet.kind.rawValue))
            """).run()
    }

    package func patchSets(of change: Change.Number) async throws -> [PatchSet] {
        try await patchSets(ofChanges: [change])[change] ?? []
    }

    /// Patch sets of several changes at once, each list in patch set order.
    package func patchSets(ofChanges numbers: [Change.Number]) async throws -> [Change.Number: [PatchSet]] {
        guard !numbers.isEmpty else { return [:] }
        let rows = try await sql.raw("""
            SELECT change_number, number, commit_id, parents, uploader_id, created_at, kind FROM patch_sets
            WHERE change_number IN (\(binds: numbers)) ORDER BY change_number, number
            """).all()
        var result: [Change.Number: [PatchSet]] = [:]
        for row in rows {
            let patchSet = try Self.patchSet(from: row)
            result[patchSet.id.change, default: []].append(patchSet)
        }
        return result
    }

    /// Whether `commit` already is a patch set of some change in `project`.
    package func isPatchSet(commit: CommitID, project: ProjectName) async throws -> Bool {
        try await sql.raw("""
            SELECT 1 AS x FROM patch_sets p JOIN changes c ON c.number = p.change_number
            WHERE p.commit_id = \(bind: commit.hex) AND c.project = \(bind: project.rawValue)
            """).first() != nil
    }

    package func insertMessage(_ message: ChangeMessage) async throws {
        try await sql.raw("""
            INSERT INTO change_messages (id, change_number, author_id, patch_set, message, tag, created_at)
            VALUES (\(bind: message.id), \(bind: message.change), \(bind: message.authorID), \(bind: message.patchSet),
                    \(bind: message.message), \(bind: message.tag), \(bind: message.createdAt.nanosecondsSinceEpoch))
            """).run()
    }

    package func messages(of change: Change.Number) async throws -> [ChangeMessage] {
        try await sql.raw("""
            SELECT id, change_number, author_id, patch_set, message, tag, created_at FROM change_messages
            WHERE change_number = \(bind: change) ORDER BY created_at, id
            """).all().map { row in
            ChangeMessage(
                id: try row.decode(column: "id", as: String.self),
                change: try row.decode(column: "change_number", as: Int.self),
                authorID: try row.decode(column: "author_id", as: Int?.self),
                patchSet: try row.decode(column: "patch_set", as: Int?.self),
                message: try row.decode(column: "message", as: String.self),
                tag: try row.decode(column: "tag", as: String?.self),
                createdAt: Timestamp(nanosecondsSinceEpoch: try row.decode(column: "created_at", as: Int64.self))
            )
        }
    }

    /// Adds or re-states a reviewer; a CC asked to review becomes a reviewer, never the other way round.
    package func addReviewer(_ reviewer: Reviewer, to change: Change.Number) async throws {
        let existing = try await sql.raw("""
            SELECT state FROM change_reviewers WHERE change_number = \(bind: change) AND account_id = \(bind: reviewer.accountID)
            """).first()?.decode(column: "state", as: String.self)
        switch existing {
        case nil:
            try await sql.raw("""
                INSERT INTO change_reviewers (change_number, account_id, state)
                VALUES (\(bind: change), \(bind: reviewer.accountID), \(bind: reviewer.state.rawValue))
                """).run()
        case Reviewer.State.cc.rawValue where reviewer.state == .reviewer:
            try await sql.raw("""
                UPDATE change_reviewers SET state = 'REVIEWER' WHERE change_number = \(bind: change) AND account_id = \(bind: reviewer.accountID)
                """).run()
        default:
            break
        }
    }

    package func reviewers(of change: Change.Number) async throws -> [Reviewer] {
        try await sql.raw("SELECT account_id, state FROM change_reviewers WHERE change_number = \(bind: change) ORDER BY account_id").all().map { row in
            Reviewer(
                accountID: try row.decode(column: "account_id", as: Int.self),
                state: Reviewer.State(rawValue: try row.decode(column: "state", as: String.self)) ?? .cc
            )
        }
    }

    static func change(from row: any SQLRow) throws -> Change {
        let rawKey = try row.decode(column: "change_key", as: String.self)
        let rawStatus = try row.decode(column: "status", as: String.self)
        guard let key = ChangeKey(rawKey), let status = ChangeStatus(rawValue: rawStatus) else {
            throw StoreError.corrupt("change row with key \(rawKey) and status \(rawStatus)")
        }
        return Change(
            number: try row.decode(column: "number", as: Int.self),
            project: ProjectName(stored: try row.decode(column: "project", as: String.self)),
            branch: BranchName(stored: try row.decode(column: "branch", as: String.self)),
            key: key,
            ownerID: try row.decode(column: "owner_id", as: Int.self),
            subject: try row.decode(column: "subject", as: String.self),
            status: status,
            topic: try row.decode(column: "topic", as: String?.self),
            hashtags: [],
            isWorkInProgress: try row.decode(column: "wip", as: Int.self) != 0,
            currentPatchSet: try row.decode(column: "current_patch_set", as: Int.self),
            createdAt: Timestamp(nanosecondsSinceEpoch: try row.decode(column: "created_at", as: Int64.self)),
            updatedAt: Timestamp(nanosecondsSinceEpoch: try row.decode(column: "updated_at", as: Int64.self))
        )
    }

    static func patchSet(from row: any SQLRow) throws -> PatchSet {
        let rawCommit = try row.decode(column: "commit_id", as: String.self)
        guard let commit = CommitID(rawCommit) else { throw StoreError.corrupt("commit id \(rawCommit)") }
        let parents = try row.decode(column: "parents", as: String.self).split(separator: " ").compactMap { CommitID(String($0)) }
        return PatchSet(
            id: PatchSetID(change: try row.decode(column: "change_number", as: Int.self), patchSet: try row.decode(column: "number", as: Int.self)),
            commit: commit,
            parents: parents,
            uploaderID: try row.decode(column: "uploader_id", as: Int.self),
            createdAt: Timestamp(nanosecondsSinceEpoch: try row.decode(column: "created_at", as: Int64.self)),
            kind: PatchSetKind(rawValue: try row.decode(column: "kind", as: String.self)) ?? .rework
        )
    }
}

extension StoreTransaction {
    package func removeReviewer(_ account: Account.ID, from change: Change.Number) async throws {
        try await sql.raw("DELETE FROM change_reviewers WHERE change_number = \(bind: change) AND account_id = \(bind: account)").run()
    }
}
