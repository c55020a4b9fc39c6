package import GatehouseCore
import SQLKit

extension StoreTransaction {
    package func insertGroup(name: String, description: String?, now: Timestamp) async throws -> Group {
        let id = try await nextNumber("group")
        try await sql.raw("""
            INSERT INTO account_groups (id, name, description, created_at)
            VALUES (\(bind: id), \(bind: name), \(bind: description), \(bind: now.nanosecondsSinceEpoch))
            """).run()
        return Group(id: id, name: name, description: description, createdAt: now)
    }

    package func group(named name: String) async throws -> Group? {
        try await sql.raw("SELECT id, name, description, created_at FROM account_groups WHERE name = \(bind: name)").first().map(Self.group(from:))
    }

    package func groups() async throws -> [Group] {
        try await sql.raw("SELECT id, name, description, created_at FROM account_groups ORDER BY name").all().map(Self.group(from:))
    }

    /// Adds the account; returns false when it was already a member.
    package func addMember(_ account: Account.ID, to group: Group.ID) async throws -> Bool {
        let existing = try await sql.raw("SELECT 1 AS x FROM group_members WHERE group_id = \(bind: group) AND account_id = \(bind: account)").first()
        guard existing == nil else { return false }
        try await sql.raw("INSERT INTO group_members (group_id, account_id) VALUES (\(bind: group), \(bind: account))").run()
        return true
    }

    /// Removes the account; returns false when it was not a member.
    package func removeMember(_ account: Account.ID, from group: Group.ID) async throws -> Bool {
        let existing = try await sql.raw("SELECT 1 AS x FROM group_members WHERE group_id = \(bind: group) AND account_id = \(bind: account)").first()
        guard existing != nil else { return false }
        try await sql.raw("DELETE FROM group_members WHERE group_id = \(bind: group) AND account_id = \(bind: account)").run()
        return true
    }

    package func members(of group: Group.ID) async throws -> [Account] {
        try await sql.raw("""
            SELECT a.id, a.username, a.full_name, a.email, a.active, a.created_at
            FROM accounts a JOIN group_members m ON m.account_id = a.id
            WHERE m.group_id = \(bind: group) ORDER BY a.username
            """).all().map(Self.account(from:))
    }

    /// The names of every group the account belongs to: what permission checks ask about.
    package func groupNames(of account: Account.ID) async throws -> Set<String> {
        let rows = try await sql.raw("""
            SELECT g.name FROM account_groups g JOIN group_members m ON m.group_id = g.id WHERE m.account_id = \(bind: account)
            """).all()
        return Set(try rows.map { try $0.decode(column: "name", as: String.self) })
    }

    static func group(from row: any SQLRow) throws -> Group {
        Group(
            id: try row.decode(column: "id", as: Int.self),
            name: try row.decode(column: "name", as: String.self),
            description: try row.decode(column: "description", as: String?.self),
            createdAt: Timestamp(nanosecondsSinceEpoch: try row.decode(column: "created_at", as: Int64.self))
        )
    }
}
