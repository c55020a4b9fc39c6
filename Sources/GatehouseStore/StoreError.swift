/// Everything that can go wrong in the Store, independent of the backend.
package enum StoreError: Error, CustomStringConvertible, Equatable {
    /// A unique constraint refused the write: someone else got there first.
    case conflict(String)
    /// A row the caller relied on is gone.
    case notFound(String)
    /// The database holds a value this version cannot read (corruption, or a newer schema).
    case corrupt(String)
    /// The database is newer than this Gatehouse.
    case schemaTooNew(found: Int, known: Int)

    package var description: String {
        switch self {
        case .conflict(let what): "conflict: \(what)"
        case .notFound(let what): "not found: \(what)"
        case .corrupt(let what): "unreadable stored value: \(what)"
        case .schemaTooNew(let found, let known):
            "database schema version \(found) is newer than this Gatehouse understands (\(known)); upgrade Gatehouse"
        }
    }
}
