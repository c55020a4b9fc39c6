/// Which e-mails an account wants, in the words of Gerrit's `email_strategy` preference so that clients that
/// already read and write Gerrit's preferences keep working.
///
/// Gerrit has no "only about my own changes"; `OWN_CHANGES` is Gatehouse's, for the contributor who wants to hear
/// about reviews of their work but not about every change they were asked to look at.
package enum EmailStrategy: String, Hashable, Sendable, CaseIterable {
    /// Every mail about a change the account takes part in (owner, reviewer, cc, voter).
    case enabled = "ENABLED"
    /// Only mails about changes the account owns.
    case ownChanges = "OWN_CHANGES"
    /// No mail at all.
    case disabled = "DISABLED"

    /// What an account that never chose gets.
    package static let `default` = EmailStrategy.enabled
}
