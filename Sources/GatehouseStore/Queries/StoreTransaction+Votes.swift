package import GatehouseCore
import SQLKit

extension StoreTransaction {
    /// Records a vote, replacing the account's earlier vote on that label and patch set; 0 removes it.
    package func setVote(_ vote: Vote, change: Change.Number) async throws {
        try await sql.raw("""
            DELETE FROM votes WHERE change_number = \(bind: change) AND patch_set = \(bind: vote.patchSet)
            AND label = \(bind: vote.label) AND account_id = \(bind: vote.accountID)
            """).run()
        guard vote.value != 0 else { return }
        try await sql.raw("""
            INSERT INTO votes (change_number, patch_set, label, account_id, value, tag, created_at)
            VALUES (\(bind: change), \(bind: vote.patchSet), \(bind: vote.label), \(bind: vote.accountID), \(bind: vote.value),
                    \(bind: vote.tag), \(bind: vote.date.nanosecondsSinceEpoch))
            """).run()
    }

    /// The votes on one patch set, in the order they were cast.
    package func votes(change: Change.Number, patchSet: Int) async throws -> [Vote] {
        try await votes(where: "change_number = \(bind: change) AND patch_set = \(bind: patchSet)").map(\.vote)
    }

    /// The votes on the current patch set of each change, for lists and queries.
    package func currentVotes(of changes: [Change]) async throws -> [Change.Number: [Vote]] {
        guard !changes.isEmpty else { return [:] }
        let current = Dictionary(uniqueKeysWithValues: changes.map { ($0.number, $0.currentPatchSet) })
        let all = try await votes(where: "change_number IN (\(binds: changes.map(\.number)))")
        var result: [Change.Number: [Vote]] = [:]
        for (change, vote) in all where current[change] == vote.patchSet { result[change, default: []].append(vote) }
        return result
    }

    private func votes(where condition: SQLQueryString) async throws -> [(change: Change.Number, vote: Vote)] {
        try await sql.raw("""
            SELECT change_number, patch_set, label, account_id, value, tag, created_at FROM votes WHERE \(condition)
            ORDER BY created_at, account_id, label
            """).all().map { row in
            (try row.decode(column: "change_number", as: Int.self), Vote(
                accountID: try row.decode(column: "account_id", as: Int.self),
                label: try row.decode(column: "label", as: String.self),
                value: try row.decode(column: "value", as: Int.self),
                patchSet: try row.decode(column: "patch_set", as: Int.self),
                date: Timestamp(nanosecondsSinceEpoch: try row.decode(column: "created_at", as: Int64.self)),
                tag: try row.decode(column: "tag", as: String?.self)
            ))
        }
    }
}
