package import GatehouseCore

/// One line of a push: "move `refName` from `old` to `new`". Zero ids mean create (old) or delete (new).
package struct ReceiveCommand: Equatable, Sendable {
    package let old: CommitID
    package let new: CommitID
    /// The ref exactly as the client named it, push options included (`refs/for/main%topic=x`).
    package let refName: String

    package init(old: CommitID, new: CommitID, refName: String) {
        self.old = old
        self.new = new
        self.refName = refName
    }

    package var isDelete: Bool { new == .zero }
}
