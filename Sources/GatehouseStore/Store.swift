import GatehouseCore
package import Logging
package import SQLKit
import Synchronization

/// The single door to persistent state. Every read and every write goes through a ``StoreTransaction``.
///
/// Writes are transactions: a push that printed "New Changes" has committed, and survives a kill -9. Reads
/// see a committed snapshot.
package struct Store: Sendable {
    package let connector: any DatabaseConnector
    /// Fires after every commit that appended to the event log, so streams and workers wake at once.
    package let eventsCommitted: EventSignal
    private let writeCount: WriteCount
    private let caches: StoreCaches

    package init(connector: any DatabaseConnector) {
        self.connector = connector
        self.eventsCommitted = EventSignal()
        self.writeCount = WriteCount()
        self.caches = StoreCaches()
    }

    /// How many write transactions have ended, committed or not; a ``ReadCache`` keys its answers to it.
    package var generation: UInt64 { writeCount.value.load(ordering: .acquiring) }

    package func read<T: Sendable>(_ body: @Sendable (StoreTransaction) async throws -> T) async throws -> T {
        let caches = TransactionCaches(caches: caches, generation: generation)
        return try await connector.read { try await body(StoreTransaction(sql: $0, effects: nil, readCaches: caches)) }
    }

    package func write<T: Sendable>(_ body: @Sendable (StoreTransaction) async throws -> T) async throws -> T {
        let effects = TransactionEffects()
        let result: T
        do {
            result = try await connector.write { try await body(StoreTransaction(sql: $0, effects: effects, readCaches: nil)) }
        } catch {
            // Counted also when the write fails: whether a failed COMMIT took effect is not always knowable.
            writeCount.value.add(1, ordering: .releasing)
            throw error
        }
        // Counted before anyone hears of the write (its caller, or a stream told of its events), so nobody who
        // knows of it is served an answer kept from before it.
        writeCount.value.add(1, ordering: .releasing)
        if effects.appendedEvents { eventsCommitted.fire() }
        return result
    }

    /// Brings the schema up to date, one numbered migration per transaction.
    ///
    /// - Parameter last: the version to stop at; only tests of an upgrade stop before the newest.
    package func migrate(through last: Int = Store.schemaVersion, logger: Logger = Logger(label: "gatehouse.store")) async throws {
        try await connector.write { sql in
            try await sql.raw("CREATE TABLE IF NOT EXISTS schema_migrations (version BIGINT PRIMARY KEY, applied_at BIGINT NOT NULL)").run()
        }
        let applied = try await connector.read { sql in
            try await sql.raw("SELECT COALESCE(MAX(version), 0) AS v FROM schema_migrations").first()?.decode(column: "v", as: Int.self) ?? 0
        }
        guard applied <= Migrations.all.count else { throw StoreError.schemaTooNew(found: applied, known: Migrations.all.count) }
        for (index, statements) in Migrations.all.enumerated() where index + 1 > applied && index + 1 <= last {
            let version = index + 1
            try await connector.write { sql in
                let runs = !Migrations.sqliteOnly.contains(version) || sql.dialect.name == "sqlite"
                for statement in statements where runs { try await sql.raw(SQLQueryString(statement)).run() }
                try await sql.raw("INSERT INTO schema_migrations (version, applied_at) VALUES (\(bind: version), \(bind: 0))").run()
            }
            logger.info("applied database migration \(version)")
        }
    }

    package func close() async throws {
        try await connector.close()
    }

    /// The schema version this Gatehouse migrates to.
    package static var schemaVersion: Int { Migrations.all.count }
}

/// The number of write transactions a store has ended, shared by every copy of the store.
private final class WriteCount: Sendable {
    let value = Atomic<UInt64>(0)
}

/// One snapshot or transaction; the typed queries live in extensions, one file per entity.
package struct StoreTransaction: Sendable {
    package let sql: any SQLDatabase
    /// What this transaction did that someone must hear of once it commits; nil for read snapshots.
    let effects: TransactionEffects?
    /// The store's caches, for read snapshots only.
    let readCaches: TransactionCaches?

    init(sql: any SQLDatabase, effects: TransactionEffects?, readCaches: TransactionCaches?) {
        self.sql = sql
        self.effects = effects
        self.readCaches = readCaches
    }
}
