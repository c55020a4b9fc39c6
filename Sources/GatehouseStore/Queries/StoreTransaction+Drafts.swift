package import GatehouseCore
import SQLKit

extension StoreTransaction {
    private static let draftColumns = """
        id, change_number, patch_set, path, side, line, start_line, start_character, end_line, end_character, in_reply_to, message,
        unresolved, author_id, NULL AS tag, NULL AS change_message_id, created_at
        """

    package func insertDraft(_ draft: Comment) async throws {
        let range = draft.range
        try await sql.raw("""
            INSERT INTO comment_drafts (id, change_number, patch_set, path, side, line, start_line, start_character, end_line, end_character,
                                        in_reply_to, message, unresolved, author_id, created_at)
            VALUES (\(bind: draft.id), \(bind: draft.change), \(bind: draft.patchSet), \(bind: draft.path), \(bind: draft.side.rawValue),
                    \(bind: draft.line), \(bind: range?.startLine), \(bind: range?.startCharacter), \(bind: range?.endLine),
                    \(bind: range?.endCharacter), \(bind: draft.inReplyTo), \(bind: draft.message), \(bind: draft.isUnresolved ? 1 : 0),
                    \(bind: draft.authorID), \(bind: draft.createdAt.nanosecondsSinceEpoch))
            """).run()
    }

    /// An author's drafts on a change (or on one patch set of it), oldest first.
    package func drafts(change: Change.Number, author: Account.ID, patchSet: Int? = nil) async throws -> [Comment] {
        var condition: SQLQueryString = "change_number = \(bind: change) AND author_id = \(bind: author)"
        if let patchSet { condition += " AND patch_set = \(bind: patchSet)" }
        return try await sql.raw("""
            SELECT \(unsafeRaw: Self.draftColumns) FROM comment_drafts WHERE \(condition) ORDER BY created_at, id
            """).all().map(Self.comment(from:))
    }

    /// Deletes drafts of `author` by id; returns how many there were.
    @discardableResult
    package func deleteDrafts(ids: [String], author: Account.ID) async throws -> Int {
        guard !ids.isEmpty else { return 0 }
        let found = try await sql.raw("""
            SELECT COUNT(*) AS n FROM comment_drafts WHERE id IN (\(binds: ids)) AND author_id = \(bind: author)
            """).first()?.decode(column: "n", as: Int.self) ?? 0
        try await sql.raw("DELETE FROM comment_drafts WHERE id IN (\(binds: ids)) AND author_id = \(bind: author)").run()
        return found
    }
}
