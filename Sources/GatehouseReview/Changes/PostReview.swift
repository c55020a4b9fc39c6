import Foundation
package import GatehouseCore
import GatehouseGit
import GatehouseStore

/// A review: votes, inline comments and a message on one patch set, in one transaction (Gerrit's
/// `POST …/revisions/{rev}/review`).
///
/// Everything is checked before anything is written: an out-of-range vote or a comment on a line that does
/// not exist refuses the whole review, so a client never sees half of it applied.
package struct PostReview: Sendable {
    /// One inline comment as a client sends it.
    package struct CommentInput: Sendable {
        package var path: String
        package var side: Comment.Side
        package var line: Int?
        package var range: Comment.Range?
        package var inReplyTo: String?
        package var message: String
        package var isUnresolved: Bool?

        package init(path: String, side: Comment.Side, line: Int?, range: Comment.Range?, inReplyTo: String?, message: String, isUnresolved: Bool?) {
            self.path = path
            self.side = side
            self.line = line
            self.range = range
            self.inReplyTo = inReplyTo
            self.message = message
            self.isUnresolved = isUnresolved
        }
    }

    /// The longest message or comment accepted, in bytes of UTF-8.
    package static let maxMessageBytes = 64 << 10
    /// The most inline comments in one review.
    package static let maxComments = 1000

    package var message: String?
    package var labels: [String: Int]
    package var comments: [CommentInput]
    package var tag: String?
    package var reviewers: [String]
    package var ready: Bool?
    package var workInProgress: Bool?
    /// Publish the author's drafts on this patch set with the review (Gerrit's `drafts: PUBLISH`); off, they stay.
    package var publishDrafts: Bool
    /// The drafts being published, deleted in the review's transaction.
    private var publishedDrafts: [String] = []

    package init(
        message: String? = nil, labels: [String: Int] = [:], comments: [CommentInput] = [], tag: String? = nil, reviewers: [String] = [],
        ready: Bool? = nil, workInProgress: Bool? = nil, publishDrafts: Bool = false
    ) {
        self.publishDrafts = publishDrafts
        self.message = message
        self.labels = labels
        self.comments = comments
        self.tag = tag
        self.reviewers = reviewers
        self.ready = ready
        self.workInProgress = workInProgress
    }

    /// The caller's votes on the labels the review named, as they stand after it.
    package struct Outcome: Sendable {
        package let labels: [String: Int]
        package let isWorkInProgress: Bool
    }

    /// - Parameter patchSet: the revision the client named (`current`, a number or a SHA), already resolved.
    package func run(change number: Change.Number, patchSet: Int, by user: CurrentUser, in context: ReviewContext) async throws -> Outcome {
        let account = try user.requireAccount()
        if publishDrafts {
            // The drafts join the review's comments, checked like them, and leave the drafts table in its transaction.
            let drafts = try await context.store.read { tx in try await tx.drafts(change: number, author: account.id, patchSet: patchSet) }
            var review = self
            review.publishDrafts = false
            review.comments += drafts.map {
                CommentInput(path: $0.path, side: $0.side, line: $0.line, range: $0.range, inReplyTo: $0.inReplyTo, message: $0.message, isUnresolved: $0.isUnresolved)
            }
            review.publishedDrafts = drafts.map(\.id)
            return try await review.run(change: number, patchSet: patchSet, by: user, in: context)
        }
        if let message, message.utf8.count > Self.maxMessageBytes {
            throw ReviewError.badRequest("message too long: \(message.utf8.count) bytes; the limit is \(Self.maxMessageBytes)")
        }
        guard comments.count <= Self.maxComments else {
            throw ReviewError.badRequest("too many comments: \(comments.count); the limit is \(Self.maxComments)")
        }
        if ready == true && workInProgress == true { throw ReviewError.badRequest("work_in_progress and ready are mutually exclusive") }
        let positions = try await commentPositions(change: number, patchSet: patchSet, user: user, context: context)
        let now = context.clock()
        defer { context.notifier.changed(number) }
        return try await context.store.write { [self] tx in
            let access = try await ChangeAccess.load(number, user: user, in: tx)
            var change = access.change
            let labelDefinitions = try await tx.labels(of: change.project)
            let existing = try await tx.votes(change: number, patchSet: patchSet)

            // Votes: known label, allowed value, current patch set, open change.
            var applied: [(String, Int, Int?)] = []
            for (name, value) in labels.sorted(by: { $0.key < $1.key }) {
                guard let label = labelDefinitions.first(where: { $0.name.lowercased() == name.lowercased() }) else {
                    throw ReviewError.badRequest(VoteRejection.unknownLabel(name).description)
                }
                if let rejection = label.checkVote(value, by: access.voter) {
                    if case .restricted = rejection { throw ReviewError.forbidden(rejection.description) }
                    throw ReviewError.badRequest(rejection.description)
                }
                let previous = existing.first { $0.accountID == account.id && $0.label == label.name }?.value
                guard previous ?? 0 != value else { continue }
                guard patchSet == change.currentPatchSet else {
                    throw ReviewError.conflict("cannot vote on patch set \(patchSet): patch set \(change.currentPatchSet) is current")
                }
                guard change.status.isOpen else { throw ReviewError.conflict("change is \(change.status.rawValue.lowercased()): votes are closed") }
                applied.append((label.name, value, previous))
            }
            // Comments: replies must answer a comment of this change.
            for comment in comments {
                if let parent = comment.inReplyTo {
                    guard let original = try await tx.comment(id: parent), original.change == number else {
                        throw ReviewError.badRequest("in_reply_to \(parent): no such comment on change \(number)")
                    }
                }
                try positions.check(comment, patchSet: patchSet, change: number)
            }
            if let wip = workInProgress ?? ready.map({ !$0 }), wip != change.isWorkInProgress {
                try access.requireMaintainer(wip ? "marking work in progress" : "marking ready for review")
                change.isWorkInProgress = wip
            }

            for (label, value, _) in applied {
                try await tx.setVote(Vote(accountID: account.id, label: label, value: value, patchSet: patchSet, date: now, tag: tag), change: number)
            }
            let messageID = UUID().uuidString.lowercased()
            for comment in comments {
                try await tx.insertComment(Comment(
                    id: UUID().uuidString.lowercased(), change: number, patchSet: patchSet, path: comment.path, side: comment.side,
                    line: comment.range?.endLine ?? comment.line, range: comment.range, inReplyTo: comment.inReplyTo, message: comment.message,
                    isUnresolved: comment.isUnresolved ?? (comment.inReplyTo == nil), authorID: account.id, tag: tag,
                    changeMessageID: messageID, createdAt: now
                ))
            }
            if try await tx.deleteDrafts(ids: publishedDrafts, author: account.id) != publishedDrafts.count {
                throw ReviewError.conflict("drafts changed while the review was being posted; post it again")
            }
            // Whoever reviews becomes a reviewer, as in Gerrit; the owner never is one of their own change.
            var newReviewers = [account.id]
            for name in reviewers {
                guard let reviewer = try await tx.account(identifiedBy: name), reviewer.isActive else {
                    throw ReviewError.badRequest("account \"\(name)\" not found")
                }
                newReviewers.append(reviewer.id)
            }
            for id in newReviewers where id != change.ownerID {
                try await tx.addReviewer(Reviewer(accountID: id, state: .reviewer), to: number)
            }
            let text = Self.changeMessage(patchSet: patchSet, applied: applied, comments: comments.count, message: message)
            if let text {
                try await tx.insertMessage(ChangeMessage(
                    id: messageID, change: number, authorID: account.id, patchSet: patchSet, message: text, tag: tag, createdAt: now
                ))
            }
            if text != nil || change.isWorkInProgress != access.change.isWorkInProgress {
                change.updatedAt = now
                try await tx.updateChange(change)
            }
            let events = EventRecorder(context: context)
            if Self.isRecheckRequest(message, comments: comments) { try await GateEntry.requestCheck(change, in: tx, now: now) }
            try await GateEntry.enqueueIfSubmittable(change, in: tx, now: now, events: events)
            // Events last: see EventRecorder on the order of counters.
            if let text {
                var changed: [String: Int] = [:]
                for (label, _, previous) in applied { changed[label] = previous ?? 0 }
                try await events.commentAdded(change, patchSet: patchSet, author: account, comment: text, changedVotes: changed, in: tx, now: now)
            }
            if change.isWorkInProgress != access.change.isWorkInProgress {
                try await events.wipStateChanged(change, by: account, in: tx, now: now)
            }
            // As Gerrit's ReviewResult: the labels this review named, with the caller's value after it.
            let named = Set(labels.keys.map { $0.lowercased() })
            let after = try await tx.votes(change: number, patchSet: patchSet).filter { $0.accountID == account.id }
            var result: [String: Int] = [:]
            for label in labelDefinitions where named.contains(label.name.lowercased()) {
                result[label.name] = after.first { $0.label == label.name }?.value ?? 0
            }
            return Outcome(labels: result, isWorkInProgress: change.isWorkInProgress)
        }
    }

    /// A review that only says `recheck` (no inline comments) asks the check pipeline to run again.
    static func isRecheckRequest(_ message: String?, comments: [CommentInput]) -> Bool {
        comments.isEmpty && GateEntry.isRecheck(message)
    }

    /// "Patch Set 2: Code-Review+2 -Verified\n\n(1 comment)\n\nLooks good", or nil when the review says nothing.
    static func changeMessage(patchSet: Int, applied: [(String, Int, Int?)], comments: Int, message: String?) -> String? {
        let votes = applied.map { label, value, _ in value == 0 ? "-\(label)" : "\(label)\(LabelDefinition.formatValue(value))" }
        let trimmed = message?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        guard !votes.isEmpty || comments > 0 || !trimmed.isEmpty else { return nil }
        var text = "Patch Set \(patchSet):" + (votes.isEmpty ? "" : " " + votes.joined(separator: " "))
        if comments > 0 { text += "\n\n(\(comments) comment\(comments == 1 ? "" : "s"))" }
        if !trimmed.isEmpty { text += "\n\n\(trimmed)" }
        return text
    }
}
