/// Who a permission is granted to.
///
/// Mostly groups, as everywhere else, but two grants cannot be groups: "anyone signed in" (so every
/// contributor can review with Code-Review ±1) and "the owner of this change" (so an author can mark their own
/// change work in progress without being a core reviewer).
package enum LabelPrincipal: Hashable, Sendable, Codable {
    /// Members of the group with this name.
    case group(String)
    /// Any signed-in account; never the anonymous caller.
    case registeredUsers
    /// The owner of the change being voted on, when signed in.
    case changeOwner

    /// Whether a signed-in voter is covered by this grant. Anonymous callers are turned away before this is asked.
    func matches(_ voter: Voter) -> Bool {
        switch self {
        case .group(let name): voter.groups.contains(name)
        case .registeredUsers: true
        case .changeOwner: voter.isChangeOwner
        }
    }

    /// The principal as it reads inside a sentence, e.g. in a validation error.
    var spelledOut: String {
        switch self {
        case .group(let name): "group \"\(name)\""
        case .registeredUsers: "registered users"
        case .changeOwner: "the change owner"
        }
    }
}
