import SQLKit

extension StoreTransaction {
    /// Takes the next number of a named counter (`account`, `group`, `change`).
    ///
    /// The UPDATE locks the counter row until the transaction ends, so two concurrent pushes can never be
    /// handed the same change number; a rolled-back transaction gives its number back.
    package func nextNumber(_ counter: String) async throws -> Int {
        guard let row = try await sql.raw("UPDATE counters SET value = value + 1 WHERE name = \(bind: counter) RETURNING value").first() else {
            throw StoreError.corrupt("counter \(counter) is missing")
        }
        return try row.decode(column: "value", as: Int.self)
    }

    /// Locks a counter's row until the transaction ends without taking a number, for a transaction that must
    /// take its counters in the usual order (the `event` counter last) but its numbers in another.
    package func lockCounter(_ counter: String) async throws {
        try await sql.raw("UPDATE counters SET value = value WHERE name = \(bind: counter)").run()
    }
}
