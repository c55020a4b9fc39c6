/// Who gets a change's mail: the people involved in it, minus whoever caused it, filtered by each one's
/// ``EmailStrategy``.
///
/// Pure so the rule reads in one place and is tested without a mail server. "Involved" is the owner, the
/// reviewers and cc of the change, and everyone who ever voted on it; a gate failure reaches them through the
/// gate account's Verified −1 review, which is a ``MailKind/comment`` like any other.
package struct MailAudience: Sendable {
    package var owner: Account.ID
    package var reviewers: Set<Account.ID>
    package var cc: Set<Account.ID>
    package var voters: Set<Account.ID>

    package init(owner: Account.ID, reviewers: Set<Account.ID> = [], cc: Set<Account.ID> = [], voters: Set<Account.ID> = []) {
        self.owner = owner
        self.reviewers = reviewers
        self.cc = cc
        self.voters = voters
    }

    /// Everyone who may be told, before preferences; the caller loads these accounts' e-mail and strategies.
    package func candidates(for kind: MailKind) -> Set<Account.ID> {
        switch kind {
        case .newChange: reviewers.union(cc)
        case .newPatchSet, .comment, .merged, .abandoned, .restored: reviewers.union(cc).union(voters).union([owner])
        }
    }

    /// The accounts to mail, in id order: candidates except the actor, kept only where their strategy allows.
    /// - Parameters:
    ///   - actor: who caused the event (uploader, reviewer, abandoner); nobody is mailed about their own action.
    ///   - strategies: each candidate's choice; a missing entry means ``EmailStrategy/default``.
    package func recipients(for kind: MailKind, actor: Account.ID?, strategies: [Account.ID: EmailStrategy]) -> [Account.ID] {
        candidates(for: kind).filter { id in
            guard id != actor else { return false }
            switch strategies[id] ?? .default {
            case .enabled: return true
            case .ownChanges: return id == owner
            case .disabled: return false
            }
        }.sorted()
    }
}
