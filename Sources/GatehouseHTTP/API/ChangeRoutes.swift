import GatehouseAPIModels
import GatehouseCore
import GatehouseReview
import GatehouseStore
import Hummingbird

/// `/changes/…`: search and read changes. (Voting, comments and actions arrive with the approvals work.)
struct ChangeRoutes {
    let context: ReviewContext

    /// Gerrit's default page size for a query without `n`.
    static let defaultLimit = 500

    func handle(_ api: inout APIRequest) async throws -> Response {
        let rest = Array(api.segments.dropFirst())
        guard api.method == .get else { throw rest.count <= 2 ? HTTPFailure.methodNotAllowed : HTTPFailure.notFound() }
        var options = try ChangeOption.parse(api.query.all("o"))
        switch rest.count {
        case 0:
            return try await query(api, options: options)
        case 1, 2:
            if rest.count == 2 {
                guard rest[1] == "detail" else { throw HTTPFailure.notFound() }
                options.formUnion(ChangeOption.detailOptions)
            }
            let user = api.user
            let info = try await context.store.read { [context, options] tx in
                let found = try await ChangeLookup.find(rest[0], user: user, in: tx)
                return try await ChangeInfoFormatter(context: context, options: options, user: user).format([found], in: tx)[0]
            }
            return try GerritResponse.json(info)
        default:
            throw HTTPFailure.notFound()
        }
    }

    /// `GET /changes/?q=…`. Several `q` parameters answer with a list of lists, one per query (gertty batches).
    private func query(_ api: APIRequest, options: Set<ChangeOption>) async throws -> Response {
        let queries = api.query.all("q").isEmpty ? ["status:open"] : api.query.all("q")
        let limit = max(1, try api.query.int("n", "limit", default: Self.defaultLimit))
        let start = try api.query.int("S", "start", default: 0)
        let parsed = try queries.map { text -> ChangeQuery in try ChangeQuery.parse(text) }
        let user = api.user
        let results = try await context.store.read { [context] tx in
            var lists: [[ChangeInfo]] = []
            for query in parsed {
                let page = try await tx.changes(matching: query, viewer: QueryViewer(accountID: user.account?.id), limit: limit, start: start)
                var projects: [ProjectName: Project] = [:]
                var pairs: [(Change, Project)] = []
                for change in page.changes {
                    if projects[change.project] == nil { projects[change.project] = try await tx.project(named: change.project) }
                    if let project = projects[change.project], user.canRead(project) { pairs.append((change, project)) }
                }
                var infos = try await ChangeInfoFormatter(context: context, options: options, user: user).format(pairs, in: tx)
                if page.hasMore, !infos.isEmpty { infos[infos.count - 1].moreChanges = true }
                lists.append(infos)
            }
            return lists
        }
        return queries.count == 1 ? try GerritResponse.json(results[0]) : try GerritResponse.json(results)
    }
}
