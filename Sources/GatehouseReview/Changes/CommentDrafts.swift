import Foundation
package import GatehouseCore
import GatehouseStore

/// Draft comments: saved one at a time while reading a diff, visible to their author only, published together
/// by the author's next review (``PostReview/publishDrafts``), so ten remarks make one message and one mail.
///
/// A draft is checked when it is saved exactly as a published comment would be (the file and line exist, a reply
/// answers a comment of this change), so publishing never fails on a draft the page accepted.
package struct CommentDrafts: Sendable {
    private let context: ReviewContext
    private let user: CurrentUser

    package init(context: ReviewContext, user: CurrentUser) {
        self.context = context
        self.user = user
    }

    package func save(_ input: PostReview.CommentInput, change number: Change.Number, patchSet: Int) async throws -> Comment {
        let account = try user.requireAccount()
        // The same check as a published comment's: a message, within the size limit, on a line that exists.
        let positions = try await PostReview(comments: [input]).commentPositions(change: number, patchSet: patchSet, user: user, context: context)
        try positions.check(input, patchSet: patchSet, change: number)
        let draft = Comment(
            id: UUID().uuidString.lowercased(), change: number, patchSet: patchSet, path: input.path, side: input.side,
            line: input.range?.endLine ?? input.line, range: input.range, inReplyTo: input.inReplyTo, message: input.message,
            isUnresolved: input.isUnresolved ?? (input.inReplyTo == nil), authorID: account.id, tag: nil, changeMessageID: nil,
            createdAt: context.clock())
        try await context.store.write { [user] tx in
            _ = try await ChangeAccess.load(number, user: user, in: tx)
            if let parent = input.inReplyTo {
                guard let original = try await tx.comment(id: parent), original.change == number else {
                    throw ReviewError.badRequest("in_reply_to \(parent): no such comment on change \(number)")
                }
            }
            try await tx.insertDraft(draft)
        }
        return draft
    }

    /// The caller's drafts on the change (or one patch set of it).
    package func list(change number: Change.Number, patchSet: Int? = nil) async throws -> [Comment] {
        guard let account = user.account else { return [] }
        return try await context.store.read { [user] tx in
            _ = try await ChangeAccess.load(number, user: user, in: tx)
            return try await tx.drafts(change: number, author: account.id, patchSet: patchSet)
        }
    }

    /// Deletes one of the caller's drafts; someone else's draft is "not found", as it is invisible to them.
    package func discard(_ id: String, change number: Change.Number) async throws {
        let account = try user.requireAccount()
        try await context.store.write { [user] tx in
            _ = try await ChangeAccess.load(number, user: user, in: tx)
            let mine = try await tx.drafts(change: number, author: account.id).contains { $0.id == id }
            guard mine else { throw ReviewError.notFound("Not found: draft \(id)") }
            try await tx.deleteDrafts(ids: [id], author: account.id)
        }
    }
}
