/// Where a change is in its life. Spelled as Gerrit spells it in JSON.
package enum ChangeStatus: String, Hashable, Sendable, CaseIterable {
    /// Open: under review, or approved and waiting for the gate.
    case new = "NEW"
    case merged = "MERGED"
    case abandoned = "ABANDONED"

    package var isOpen: Bool { self == .new }
}
