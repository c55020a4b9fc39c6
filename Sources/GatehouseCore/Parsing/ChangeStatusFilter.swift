/// The status a query asks for. Unlike `ChangeStatus` it has `open` and `closed`, which are sets of statuses:
/// Gerrit's `status:new` is the same as `status:open`, and `closed` means merged or abandoned.
package enum ChangeStatusFilter: String, Equatable, Sendable {
    case open
    case merged
    case abandoned
    case closed
}
