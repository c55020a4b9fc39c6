package import GatehouseCore
import GatehouseStore

/// Creates groups and changes their members (administrators only, for now: group ownership comes with the
/// approvals work, when `{project}-core` owners will manage their own group).
package struct GroupMembership: Sendable {
    package let context: ReviewContext
    package let user: CurrentUser

    package init(context: ReviewContext, user: CurrentUser) {
        self.context = context
        self.user = user
    }

    package func createGroup(name: String, description: String?) async throws -> Group {
        try user.requireAdministrator()
        do { try Group.validateName(name) } catch { throw ReviewError.badRequest(error.message) }
        let now = context.clock()
        do {
            return try await context.store.write { tx in
                if try await tx.group(named: name) != nil { throw ReviewError.conflict("group '\(name)' already exists") }
                return try await tx.insertGroup(name: name, description: description, now: now)
            }
        } catch StoreError.conflict {
            throw ReviewError.conflict("group '\(name)' already exists")
        }
    }

    /// - Returns: the account, and whether it was newly added.
    package func add(_ accountText: String, to groupName: String) async throws -> (Account, added: Bool) {
        try user.requireAdministrator()
        return try await context.store.write { tx in
            guard let group = try await tx.group(named: groupName) else { throw ReviewError.notFound("Group Not Found: \(groupName)") }
            guard let account = try await tx.account(identifiedBy: accountText) else {
                throw ReviewError.badRequest("Account Not Found: \(accountText)")
            }
            return (account, try await tx.addMember(account.id, to: group.id))
        }
    }

    package func remove(_ accountText: String, from groupName: String) async throws {
        try user.requireAdministrator()
        try await context.store.write { tx in
            guard let group = try await tx.group(named: groupName) else { throw ReviewError.notFound("Group Not Found: \(groupName)") }
            guard let account = try await tx.account(identifiedBy: accountText), try await tx.removeMember(account.id, from: group.id) else {
                throw ReviewError.notFound("Account Not Found: \(accountText)")
            }
        }
    }

    /// Members are visible to signed-in users.
    package func members(of groupName: String) async throws -> [Account] {
        _ = try user.requireAccount()
        return try await context.store.read { tx in
            guard let group = try await tx.group(named: groupName) else { throw ReviewError.notFound("Group Not Found: \(groupName)") }
            return try await tx.members(of: group.id)
        }
    }
}
