import GatehouseAPIModels
import GatehouseCore
import GatehouseReview
import GatehouseStore
import Hummingbird

/// `/groups/…`: create groups and manage their members.
struct GroupRoutes {
    let context: ReviewContext

    func handle(_ api: inout APIRequest) async throws -> Response {
        let rest = Array(api.segments.dropFirst())
        let membership = GroupMembership(context: context, user: api.user)
        switch (api.method, rest.count) {
        case (.get, 0):
            _ = try api.user.requireAccount()
            let groups = try await context.store.read { try await $0.groups() }
            return try GerritResponse.json(Dictionary(uniqueKeysWithValues: groups.map { ($0.name, Self.info($0)) }))
        case (.get, 1):
            _ = try api.user.requireAccount()
            guard let group = try await context.store.read({ [name = rest[0]] in try await $0.group(named: name) }) else {
                throw ReviewError.notFound("Group Not Found: \(rest[0])")
            }
            return try GerritResponse.json(Self.info(group))
        case (.put, 1):
            let input = try await api.request.decodeJSON(GroupInput.self)
            let group = try await membership.createGroup(name: rest[0], description: input.description)
            return try GerritResponse.json(Self.info(group), status: .created)
        case (.get, 2) where rest[1] == "members":
            let members = try await membership.members(of: rest[0])
            return try GerritResponse.json(members.map { AccountInfo($0, showEmail: true) })
        case (.put, 3) where rest[1] == "members", (.post, 3) where rest[1] == "members":
            let (account, added) = try await membership.add(rest[2], to: rest[0])
            return try GerritResponse.json(AccountInfo(account, showEmail: true), status: added ? .created : .ok)
        case (.delete, 3) where rest[1] == "members":
            try await membership.remove(rest[2], from: rest[0])
            return GerritResponse.noContent()
        case (_, 0...3):
            throw HTTPFailure.methodNotAllowed
        default:
            throw HTTPFailure.notFound()
        }
    }

    static func info(_ group: Group) -> GroupInfo {
        GroupInfo(
            id: "\(group.id)", name: group.name, groupID: group.id, description: group.description,
            createdOn: group.createdAt.gerritFormat
        )
    }
}
