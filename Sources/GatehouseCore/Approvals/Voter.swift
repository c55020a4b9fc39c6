/// The caller as far as voting is concerned.
///
/// Only what label permissions look at, so the pure voting rules need no store, session or change: the caller
/// resolves the account, its groups and whether it owns the change, and hands over this value.
package struct Voter: Hashable, Sendable {
    /// The signed-in account, or nil for an anonymous caller, who may vote nothing (not even 0).
    package var accountID: Account.ID?
    /// Names of the groups the account belongs to.
    package var groups: Set<String>
    /// Whether the account owns the change being voted on.
    package var isChangeOwner: Bool

    package init(accountID: Account.ID?, groups: Set<String> = [], isChangeOwner: Bool = false) {
        self.accountID = accountID
        self.groups = groups
        self.isChangeOwner = isChangeOwner
    }

    /// Whether the caller is signed in; only signed-in callers can match any grant.
    var isSignedIn: Bool { accountID != nil }
}
