package import GatehouseCore
package import GatehouseStore

/// A change as one caller sees it: loaded with its project, and the questions every action asks.
package struct ChangeAccess: Sendable {
    package let change: Change
    package let project: Project
    package let user: CurrentUser

    /// Loads the change if the caller may see it; a hidden change is "not found", never "forbidden".
    package static func load(_ number: Change.Number, user: CurrentUser, in tx: StoreTransaction) async throws -> ChangeAccess {
        guard let change = try await tx.change(number: number), let project = try await tx.project(named: change.project), user.canRead(project)
        else {
            throw ReviewError.notFound("Not found: \(number)")
        }
        return ChangeAccess(change: change, project: project, user: user)
    }

    package var isOwner: Bool { user.account?.id == change.ownerID }
    package var isCore: Bool { user.groups.contains(Group.coreGroupName(of: project.name)) }

    /// Abandon, restore, topic, hashtags, work-in-progress: the owner, the project's core reviewers, administrators.
    package func requireMaintainer(_ action: String) throws(ReviewError) {
        _ = try user.requireAccount()
        guard isOwner || isCore || user.isAdministrator else {
            throw .forbidden("\(action) not permitted: only the change owner, \(Group.coreGroupName(of: project.name)) and administrators may")
        }
    }

    /// The caller as a voter on this change.
    package var voter: Voter {
        Voter(accountID: user.account?.id, groups: user.groups, isChangeOwner: isOwner)
    }
}
