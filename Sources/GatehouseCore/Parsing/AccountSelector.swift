/// Whose changes a query asks for. `self` is kept symbolic because it depends on who is asking, which the
/// parser does not know; a name is kept as typed (username, email or full name) for the store to resolve.
package enum AccountSelector: Equatable, Sendable {
    /// `owner:self` or `is:owner`: the signed-in user.
    case current
    case named(String)
}
