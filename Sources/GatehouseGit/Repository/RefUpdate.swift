package import GatehouseCore

/// One ref change inside an atomic `git update-ref --stdin` transaction.
package struct RefUpdate: Equatable, Sendable {
    package let name: String
    package let new: CommitID
    /// The value the ref must have now for the update to apply (compare-and-swap); `CommitID.zero` means
    /// "must not exist"; nil means "whatever it is".
    package let expectedOld: CommitID?

    package init(name: String, new: CommitID, expectedOld: CommitID?) {
        self.name = name
        self.new = new
        self.expectedOld = expectedOld
    }
}
