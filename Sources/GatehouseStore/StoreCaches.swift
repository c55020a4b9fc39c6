import GatehouseCore

/// What read transactions may keep between writes: the rows nearly every request reads again and that change
/// only when someone edits them (a project, its labels and rules, the accounts named on a page).
///
/// Write transactions never use them (a write must see its own changes), and every write ends every entry (see
/// ``ReadCache``), so a read served from here sees exactly what its own snapshot would have read.
final class StoreCaches: Sendable {
    let projects = ReadCache<ProjectName, Project?>(capacity: 1024)
    let labels = ReadCache<ProjectName, [LabelDefinition]>(capacity: 1024)
    let submitRules = ReadCache<ProjectName, SubmitRules>(capacity: 1024)
    let accounts = ReadCache<Account.ID, Account>(capacity: 8192)
}

/// The caches as one read transaction sees them: keyed to the generation read before its snapshot began.
struct TransactionCaches: Sendable {
    let caches: StoreCaches
    let generation: UInt64
}

extension StoreTransaction {
    /// `load()`'s answer for `key`, kept for later reads of the same generation; outside read transactions,
    /// always `load()`.
    func cached<Key, Value>(
        _ cache: KeyPath<StoreCaches, ReadCache<Key, Value>>, _ key: Key, load: () async throws -> Value
    ) async throws -> Value {
        guard let readCaches else { return try await load() }
        let readCache = readCaches.caches[keyPath: cache]
        if let value = readCache.value(for: key, generation: readCaches.generation) { return value }
        let value = try await load()
        readCache.store(value, for: key, generation: readCaches.generation)
        return value
    }
}
