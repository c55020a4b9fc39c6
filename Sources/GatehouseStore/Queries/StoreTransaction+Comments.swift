package import GatehouseCore
import SQLKit

extension StoreTransaction {
    package func insertComment(_ comment: Comment) async throws {
        let range = comment.range
        try await sql.raw("""
            INSERT INTO comments (id, change_number, patch_set, path, side, line, start_line, start_character, end_line, end_character,
                                  in_reply_to, message, unresolved, author_id, tag, change_message_id, created_at)
            VALUES (\(bind: comment.id), \(bind: comment.change), \(bind: comment.patchSet), \(bind: comment.path), \(bind: comment.side.rawValue),
                    \(bind: comment.line), \(bind: range?.startLine), \(bind: range?.startCharacter), \(bind: range?.endLine),
                    \(bind: range?.endCharacter), \(bind: comment.inReplyTo), \(bind: comment.message), \(bind: comment.isUnresolved ? 1 : 0),
                    \(bind: comment.authorID), \(bind: comment.tag), \(bind: comment.changeMessageID), \(bind: comment.createdAt.nanosecondsSinceEpoch))
            """).run()
    }

    /// The published comments of a change, or of one patch set, oldest first.
    package func comments(change: Change.Number, patchSet: Int? = nil) async throws -> [Comment] {
        var condition: SQLQueryString = "change_number = \(bind: change)"
        if let patchSet { condition += " AND patch_set = \(bind: patchSet)" }
        return try await sql.raw("""
            SELECT id, change_number, patch_set, path, side, line, start_line, start_character, end_line, end_character, in_reply_to,
                   message, unresolved, author_id, tag, change_message_id, created_at
            FROM comments WHERE \(condition) ORDER BY created_at, id
            """).all().map(Self.comment(from:))
    }

    package func comment(id: String) async throws -> Comment? {
        try await sql.raw("""
            SELECT id, change_number, patch_set, path, side, line, start_line, start_character, end_line, end_character, in_reply_to,
                   message, unresolved, author_id, tag, change_message_id, created_at
            FROM comments WHERE id = \(bind: id)
            """).first().map(Self.comment(from:))
    }

    /// Unresolved comment threads per change: a thread is unresolved when its latest comment is.
    package func unresolvedCommentCounts(of changes: [Change.Number]) async throws -> [Change.Number: (total: Int, unresolved: Int)] {
        guard !changes.isEmpty else { return [:] }
        let rows = try await sql.raw("""
            SELECT change_number, id, in_reply_to, unresolved, created_at FROM comments WHERE change_number IN (\(binds: changes))
            ORDER BY created_at, id
            """).all()
        var result: [Change.Number: (total: Int, unresolved: Int)] = [:]
        var byChange: [Change.Number: [(id: String, parent: String?, unresolved: Bool)]] = [:]
        for row in rows {
            byChange[try row.decode(column: "change_number", as: Int.self), default: []].append((
                try row.decode(column: "id", as: String.self), try row.decode(column: "in_reply_to", as: String?.self),
                try row.decode(column: "unresolved", as: Int.self) != 0
            ))
        }
        for (change, comments) in byChange {
            // The last word in each thread decides; threads are keyed by their root comment.
            var root: [String: String] = [:]
            var last: [String: Bool] = [:]
            for comment in comments {
                let threadRoot = comment.parent.flatMap { root[$0] } ?? comment.id
                root[comment.id] = threadRoot
                last[threadRoot] = comment.unresolved
            }
            result[change] = (comments.count, last.values.filter { $0 }.count)
        }
        return result
    }

    static func comment(from row: any SQLRow) throws -> Comment {
        var range: Comment.Range?
        if let startLine = try row.decode(column: "start_line", as: Int?.self) {
            range = Comment.Range(
                startLine: startLine, startCharacter: try row.decode(column: "start_character", as: Int?.self) ?? 0,
                endLine: try row.decode(column: "end_line", as: Int?.self) ?? startLine,
                endCharacter: try row.decode(column: "end_character", as: Int?.self) ?? 0
            )
        }
        return Comment(
            id: try row.decode(column: "id", as: String.self),
            change: try row.decode(column: "change_number", as: Int.self),
            patchSet: try row.decode(column: "patch_set", as: Int.self),
            path: try row.decode(column: "path", as: String.self),
            side: Comment.Side(rawValue: try row.decode(column: "side", as: String.self)) ?? .revision,
            line: try row.decode(column: "line", as: Int?.self),
            range: range,
            inReplyTo: try row.decode(column: "in_reply_to", as: String?.self),
            message: try row.decode(column: "message", as: String.self),
            isUnresolved: try row.decode(column: "unresolved", as: Int.self) != 0,
            authorID: try row.decode(column: "author_id", as: Int.self),
            tag: try row.decode(column: "tag", as: String?.self),
            changeMessageID: try row.decode(column: "change_message_id", as: String?.self),
            createdAt: Timestamp(nanosecondsSinceEpoch: try row.decode(column: "created_at", as: Int64.self))
        )
    }
}
