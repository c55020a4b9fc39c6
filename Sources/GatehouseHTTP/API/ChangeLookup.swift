import GatehouseCore
import GatehouseReview
import GatehouseStore

/// Resolves the `{change-id}` forms of Gerrit's REST API to one change the caller may see.
///
/// Accepted: `project~number` (canonical, what `id` in ChangeInfo says), `project~branch~I…`, a bare
/// `I…` Change-Id and a bare number. An id that matches nothing visible is a 404; so is a bare Change-Id
/// that names several changes (Gerrit answers the same).
enum ChangeLookup {
    static func find(_ id: String, user: CurrentUser, in tx: StoreTransaction) async throws -> (Change, Project) {
        let parts = id.split(separator: "~", omittingEmptySubsequences: false).map(String.init)
        var candidates: [Change] = []
        switch parts.count {
        case 1:
            if let number = Int(id), number > 0 {
                candidates = try await tx.change(number: number).map { [$0] } ?? []
            } else if let key = ChangeKey(id) {
                candidates = try await tx.changes(key: key)
            }
        case 2:
            if let project = try? ProjectName(parts[0]), let number = Int(parts[1]),
                let change = try await tx.change(number: number), change.project == project
            {
                candidates = [change]
            }
        case 3:
            if let project = try? ProjectName(parts[0]), let branch = try? BranchName(parts[1]), let key = ChangeKey(parts[2]),
                let change = try await tx.change(project: project, branch: branch, key: key)
            {
                candidates = [change]
            }
        default:
            break
        }
        var visible: [(Change, Project)] = []
        for change in candidates {
            if let project = try await tx.project(named: change.project), user.canRead(project) { visible.append((change, project)) }
        }
        guard visible.count <= 1 else { throw ReviewError.notFound("Multiple changes found for \(id)") }
        guard let found = visible.first else { throw ReviewError.notFound("Not found: \(id)") }
        return found
    }
}
