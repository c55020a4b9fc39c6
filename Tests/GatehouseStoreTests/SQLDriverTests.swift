import Foundation
import GatehouseCore
import GatehouseSQLite
import GatehouseStore
import GatehouseTesting
import SQLKit
import Testing

/// What the store's queries take for granted from a driver, checked on SQLite (Gatehouse's own driver over
/// the C API) and on PostgreSQL (postgres-nio, a statement prepared once it is seen twice) alike: binds and
/// results of every type the store uses, NULL versus empty text, unique violations as conflicts, a rolled-back
/// write leaving nothing.
@Suite struct SQLDriverTests {
    private func withStore(_ backend: TestBackend, _ body: (Store) async throws -> Void) async throws {
        try await TestDatabase.withStore(backend) { store in
            try await store.write { tx in
                try await tx.sql.raw("CREATE TABLE driver_probe (id BIGINT PRIMARY KEY, label TEXT UNIQUE, note TEXT, amount BIGINT)").run()
            }
            try await body(store)
        }
    }

    @Test("binds and reads back integers, text, unicode, empty text and NULL", arguments: TestBackend.available)
    func roundTrip(backend: TestBackend) async throws {
        try await withStore(backend) { store in
            let unicode = "Grüße, 世界 🚀 \"quoted\" \\ back\nslash\t"
            let absent: String? = nil
            let absentAmount: Int64? = nil
            try await store.write { tx in
                try await tx.sql.raw("INSERT INTO driver_probe (id, label, note, amount) VALUES (\(bind: 1), \(bind: unicode), \(bind: ""), \(bind: Int64.max))").run()
                try await tx.sql.raw("INSERT INTO driver_probe (id, label, note, amount) VALUES (\(bind: 2), \(bind: "b"), \(bind: absent), \(bind: absentAmount))").run()
                try await tx.sql.raw("INSERT INTO driver_probe (id, label, note, amount) VALUES (\(bind: -3), \(bind: "c"), \(bind: Optional("x")), \(bind: Optional(Int.min)))").run()
            }
            let rows = try await store.read { tx in
                try await tx.sql.raw("SELECT id, label, note, amount FROM driver_probe ORDER BY id").all().map { row in
                    (
                        id: try row.decode(column: "id", as: Int.self), label: try row.decode(column: "label", as: String.self),
                        note: try row.decode(column: "note", as: String?.self), amount: try row.decode(column: "amount", as: Int?.self),
                        noteIsNull: try row.decodeNil(column: "note")
                    )
                }
            }
            #expect(rows.map(\.id) == [-3, 1, 2])
            #expect(rows[1].label == unicode)
            #expect(rows[1].note == "", "empty text stays text, not NULL")
            #expect(rows[1].noteIsNull == false)
            #expect(rows[1].amount == Int(Int64.max))
            #expect(rows[2].note == nil && rows[2].noteIsNull && rows[2].amount == nil)
            #expect(rows[0].note == "x" && rows[0].amount == Int.min)
        }
    }

    @Test("a NULL into a non-optional, a text into an integer, or a missing column is an error, not a guess", arguments: TestBackend.available)
    func mismatches(backend: TestBackend) async throws {
        try await withStore(backend) { store in
            try await store.write { tx in
                try await tx.sql.raw("INSERT INTO driver_probe (id, label) VALUES (\(bind: 1), \(bind: "text"))").run()
            }
            let row = try await store.read { tx in try await tx.sql.raw("SELECT id, label, note FROM driver_probe").first() }
            let found = try #require(row)
            #expect(throws: (any Error).self) { try found.decode(column: "note", as: String.self) }
            #expect(throws: (any Error).self) { try found.decode(column: "label", as: Int.self) }
            #expect(throws: (any Error).self) { try found.decode(column: "nonexistent", as: Int.self) }
            #expect(found.contains(column: "label") && !found.contains(column: "nonexistent"))
        }
    }

    @Test("a unique violation is a conflict, and the whole transaction is rolled back", arguments: TestBackend.available)
    func conflictRollsBack(backend: TestBackend) async throws {
        try await withStore(backend) { store in
            try await store.write { tx in try await tx.sql.raw("INSERT INTO driver_probe (id, label) VALUES (1, 'taken')").run() }
            await #expect {
                try await store.write { tx in
                    try await tx.sql.raw("INSERT INTO driver_probe (id, label) VALUES (2, 'fresh')").run()
                    try await tx.sql.raw("INSERT INTO driver_probe (id, label) VALUES (3, 'taken')").run()
                }
            } throws: { error in
                guard case StoreError.conflict = error else { return false }
                return true
            }
            let labels = try await store.read { tx in
                try await tx.sql.raw("SELECT label FROM driver_probe ORDER BY id").all().map { try $0.decode(column: "label", as: String.self) }
            }
            #expect(labels == ["taken"])
            // The connection is usable afterwards: its transaction really ended.
            try await store.write { tx in try await tx.sql.raw("INSERT INTO driver_probe (id, label) VALUES (4, 'after')").run() }
            let count = try await store.read { tx in try await tx.sql.raw("SELECT COUNT(*) AS n FROM driver_probe").first()?.decode(column: "n", as: Int.self) }
            #expect(count == 2)
        }
    }

    @Test("statements of many shapes (more than any statement cache keeps) all answer correctly", arguments: TestBackend.available)
    func manyStatementShapes(backend: TestBackend) async throws {
        try await withStore(backend) { store in
            try await store.write { tx in
                for id in 1...20 { try await tx.sql.raw("INSERT INTO driver_probe (id, label, amount) VALUES (\(bind: id), \(bind: "l\(id)"), \(bind: id * 10))").run() }
            }
            // `IN (…)` lists of every length from 1 to 300 give 300 different statements, twice over.
            for round in 0..<2 {
                for length in 1...300 {
                    let ids = (0..<length).map { ($0 + round) % 20 + 1 }
                    let sum = try await store.read { tx in
                        try await tx.sql.raw("SELECT CAST(COALESCE(SUM(amount), 0) AS BIGINT) AS total FROM driver_probe WHERE id IN (\(binds: ids))").first()?
                            .decode(column: "total", as: Int.self)
                    }
                    #expect(sum == Set(ids).reduce(0) { $0 + $1 * 10 })
                }
            }
        }
    }

    @Test("a statement run again and again keeps its answers and its conflicts, and PostgreSQL plans it once per connection", arguments: TestBackend.available)
    func repeatedStatements(backend: TestBackend) async throws {
        try await withStore(backend) { store in
            for run in 1...4 {
                let absent: String? = nil
                try await store.write { tx in
                    try await tx.sql.raw("INSERT INTO driver_probe (id, label, note, amount) VALUES (\(bind: run), \(bind: "r\(run)"), \(bind: absent), \(bind: Int64(run)))").run()
                }
                await #expect {
                    try await store.write { tx in
                        try await tx.sql.raw("INSERT INTO driver_probe (id, label, note, amount) VALUES (\(bind: run + 100), \(bind: "r\(run)"), \(bind: absent), \(bind: Int64(run)))").run()
                    }
                } throws: { error in
                    guard case StoreError.conflict = error else { return false }
                    return true
                }
            }
            let prepared = try await store.read { tx in
                var labels: [String] = []
                for id in 1...4 {
                    let label = try await tx.sql.raw("SELECT label FROM driver_probe WHERE id = \(bind: id)").first()?.decode(column: "label", as: String.self)
                    labels.append(try #require(label))
                }
                #expect(labels == ["r1", "r2", "r3", "r4"])
                guard backend == .postgres else { return 0 }
                // Asked on the same connection, inside the same transaction: what this connection has prepared.
                return try await tx.sql.raw("""
                    SELECT COUNT(*) AS n FROM pg_prepared_statements
                    WHERE statement = 'SELECT label FROM driver_probe WHERE id = $1'
                    """).first()?.decode(column: "n", as: Int.self) ?? 0
            }
            if backend == .postgres { #expect(prepared == 1, "the lookup seen four times is prepared, once") }
            let count = try await store.read { tx in try await tx.sql.raw("SELECT COUNT(*) AS n FROM driver_probe").first()?.decode(column: "n", as: Int.self) }
            #expect(count == 4, "no conflicting insert left a row behind")
        }
    }

    @Test("two SQL statements in one string are refused rather than half run")
    func oneStatementAtATime() async throws {
        try await withStore(.sqlite) { store in
            await #expect(throws: (any Error).self) {
                try await store.write { tx in
                    try await tx.sql.raw("INSERT INTO driver_probe (id, label) VALUES (1, 'a'); INSERT INTO driver_probe (id, label) VALUES (2, 'b')").run()
                }
            }
            let count = try await store.read { tx in try await tx.sql.raw("SELECT COUNT(*) AS n FROM driver_probe").first()?.decode(column: "n", as: Int.self) }
            #expect(count == 0)
        }
    }

    @Test("writes waiting for another connection's write lock hold no thread, then all go through")
    func waitsForAnotherWriter() async throws {
        let directory = try TestDirectory("driver-lock")
        defer { directory.remove() }
        let path = directory.file("shared.sqlite")
        let holderStore = Store(connector: try SQLiteConnector.open(path: path, readers: 1))
        try await holderStore.write { tx in try await tx.sql.raw("CREATE TABLE lock_probe (id BIGINT PRIMARY KEY)").run() }
        // More waiting connectors than the machine has threads for tasks: if each blocked a thread while it
        // waited, the holder could never run again to commit, and every waiter would time out.
        var waiters: [Store] = []
        for _ in 0..<(ProcessInfo.processInfo.activeProcessorCount + 2) {
            waiters.append(Store(connector: try SQLiteConnector.open(path: path, readers: 1)))
        }
        let (holding, held) = AsyncStream.makeStream(of: Void.self)
        let (releasing, release) = AsyncStream.makeStream(of: Void.self)
        let holder = Task {
            try await holderStore.write { tx in
                try await tx.sql.raw("INSERT INTO lock_probe (id) VALUES (0)").run()
                held.yield()
                for await _ in releasing { break }
            }
        }
        for await _ in holding { break }
        let writes = waiters.enumerated().map { index, store in
            Task { try await store.write { tx in try await tx.sql.raw("INSERT INTO lock_probe (id) VALUES (\(bind: index + 1))").run() } }
        }
        try await Task.sleep(for: .milliseconds(200))  // let every waiter meet the lock
        let visible = try await holderStore.read { tx in try await tx.sql.raw("SELECT COUNT(*) AS n FROM lock_probe").first()?.decode(column: "n", as: Int.self) }
        #expect(visible == 0, "nothing is committed while the holder keeps its transaction open")
        release.yield()
        try await holder.value
        for write in writes { try await write.value }
        let count = try await holderStore.read { tx in try await tx.sql.raw("SELECT COUNT(*) AS n FROM lock_probe").first()?.decode(column: "n", as: Int.self) }
        #expect(count == waiters.count + 1)
        try await holderStore.close()
        for store in waiters { try await store.close() }
    }
}
