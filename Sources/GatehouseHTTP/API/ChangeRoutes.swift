import GatehouseAPIModels
import GatehouseCore
import GatehouseReview
import GatehouseStore
import Hummingbird

/// `/changes/…`: search, read, review and act on changes.
struct ChangeRoutes {
    let context: ReviewContext
    /// Answers to searches, kept until the next write; nil where a route only formats single changes.
    var searches: SearchCache? = nil

    /// Gerrit's default page size for a query without `n`.
    static let defaultLimit = 500

    func handle(_ api: inout APIRequest) async throws -> Response {
        let rest = Array(api.segments.dropFirst())
        guard let id = rest.first else {
            guard api.method == .get else { throw HTTPFailure.methodNotAllowed }
            return try await query(api, options: try ChangeOption.parse(api.query.all("o")))
        }
        let tail = Array(rest.dropFirst())
        // Reads, the hot path: look the change up and format it in one snapshot.
        if api.method == .get && (tail.isEmpty || tail == ["detail"]) {
            let options = try ChangeOption.parse(api.query.all("o")).union(tail.isEmpty ? [] : ChangeOption.detailOptions)
            let info = try await context.store.read { [context, user = api.user] tx in
                let found = try await ChangeLookup.find(id, user: user, in: tx)
                return try await ChangeInfoFormatter(context: context, options: options, user: user).format([found], in: tx)[0]
            }
            return try GerritResponse.json(info)
        }
        let number = try await context.store.read { [user = api.user] tx in try await ChangeLookup.find(id, user: user, in: tx).0.number }
        if tail.first == "revisions", tail.count >= 2 {
            return try await RevisionRoutes(context: context).handle(&api, change: number, revision: tail[1], rest: Array(tail.dropFirst(2)))
        }
        let actions = ChangeAttributes(context: context, user: api.user)
        switch (api.method, tail) {
        case (.post, ["abandon"]):
            let input = try await api.request.decodeJSON(MessageInput.self)
            _ = try await ChangeLifecycle.abandon(number, message: input.message, by: api.user, in: context)
            return try await info(number, api: api)
        case (.post, ["restore"]):
            let input = try await api.request.decodeJSON(MessageInput.self)
            _ = try await ChangeLifecycle.restore(number, message: input.message, by: api.user, in: context)
            return try await info(number, api: api)
        case (.post, ["submit"]):
            _ = try await SubmitChange.run(number, by: api.user, in: context)
            return try await info(number, api: api)
        case (.get, ["drafts"]):
            _ = try api.user.requireAccount()
            return try GerritResponse.json(try await RevisionRoutes(context: context).draftMap(number, patchSet: nil, user: api.user))
        case (.get, ["topic"]):
            let change = try await load(number, api.user)
            return try GerritResponse.json(change.topic ?? "")
        case (.put, ["topic"]):
            let input = try await api.request.decodeJSON(TopicInput.self)
            let topic = try await actions.setTopic(number, to: input.topic)
            return try topic.map { try GerritResponse.json($0) } ?? GerritResponse.noContent()
        case (.delete, ["topic"]):
            _ = try await actions.setTopic(number, to: nil)
            return GerritResponse.noContent()
        case (.get, ["hashtags"]):
            return try GerritResponse.json(try await load(number, api.user).hashtags)
        case (.post, ["hashtags"]):
            let input = try await api.request.decodeJSON(HashtagsInput.self)
            return try GerritResponse.json(try await actions.editHashtags(number, add: input.add ?? [], remove: input.remove ?? []))
        case (.post, ["wip"]), (.post, ["ready"]):
            let input = try await api.request.decodeJSON(MessageInput.self)
            try await actions.setWorkInProgress(number, tail == ["wip"], message: input.message)
            return GerritResponse.noContent()
        case (.get, ["reviewers"]):
            return try await reviewers(number, api: api)
        case (.post, ["reviewers"]):
            let input = try await api.request.decodeJSON(ReviewerInput.self)
            let state: Reviewer.State = input.state?.uppercased() == "CC" ? .cc : .reviewer
            let account = try await actions.addReviewer(number, account: input.reviewer, state: state)
            let info = AccountInfo(account, showEmail: true)
            return try GerritResponse.json(AddReviewerResult(input: input.reviewer, reviewers: state == .reviewer ? [info] : nil, ccs: state == .cc ? [info] : nil))
        case (.delete, _) where tail.count == 2 && tail[0] == "reviewers", (.post, _) where tail.count == 3 && tail[0] == "reviewers" && tail[2] == "delete":
            try await actions.removeReviewer(number, account: tail[1])
            return GerritResponse.noContent()
        case (.get, ["comments"]):
            return try await RevisionRoutes(context: context).comments(number, patchSet: nil, api: api)
        case (.get, ["messages"]):
            let info = try await context.store.read { [context, user = api.user] tx in
                let access = try await ChangeAccess.load(number, user: user, in: tx)
                return try await ChangeInfoFormatter(context: context, options: [.messages], user: user).format([(access.change, access.project)], in: tx)[0]
            }
            return try GerritResponse.json(info.messages ?? [])
        case (_, []), (_, ["detail"]), (_, ["abandon"]), (_, ["restore"]), (_, ["submit"]), (_, ["topic"]), (_, ["hashtags"]), (_, ["reviewers"]):
            throw HTTPFailure.methodNotAllowed
        default:
            throw HTTPFailure.notFound()
        }
    }

    private func load(_ number: Change.Number, _ user: CurrentUser) async throws -> Change {
        try await context.store.read { tx in try await ChangeAccess.load(number, user: user, in: tx).change }
    }

    /// The change as an action's answer (abandon, restore), with the options the client asked for.
    func info(_ number: Change.Number, api: APIRequest) async throws -> Response {
        let options = try ChangeOption.parse(api.query.all("o"))
        let info = try await context.store.read { [context, user = api.user] tx in
            let access = try await ChangeAccess.load(number, user: user, in: tx)
            return try await ChangeInfoFormatter(context: context, options: options, user: user).format([(access.change, access.project)], in: tx)[0]
        }
        return try GerritResponse.json(info)
    }

    private func reviewers(_ number: Change.Number, api: APIRequest) async throws -> Response {
        let list = try await context.store.read { [user = api.user] tx in
            _ = try await ChangeAccess.load(number, user: user, in: tx)
            let reviewers = try await tx.reviewers(of: number)
            let accounts = try await tx.accounts(ids: reviewers.map(\.accountID))
            return reviewers.compactMap { accounts[$0.accountID].map { AccountInfo($0, showEmail: !user.isAnonymous) } }
        }
        return try GerritResponse.json(list)
    }

    /// `GET /changes/?q=…`. Several `q` parameters answer with a list of lists, one per query (gertty batches).
    private func query(_ api: APIRequest, options: Set<ChangeOption>) async throws -> Response {
        let queries = api.query.all("q").isEmpty ? ["status:open"] : api.query.all("q")
        let limit = max(1, try api.query.int("n", "limit", default: Self.defaultLimit))
        let start = try api.query.int("S", "start", default: 0)
        let parsed = try queries.map { text -> ChangeQuery in try ChangeQuery.parse(text) }
        let user = api.user
        // The same question from the same person gets the same answer until something is written (the
        // generation is read before the snapshot begins; see ReadCache).
        let generation = context.store.generation
        let key = SearchKey(account: user.account?.id, groups: user.groups, query: api.request.uri.query ?? "")
        let cache = parsed.contains(where: \.dependsOnTime) ? nil : searches
        if let body = cache?.value(for: key, generation: generation) { return GerritResponse.json(body: body) }
        let results = try await context.store.read { [context] tx in
            var lists: [[ChangeInfo]] = []
            for query in parsed {
                lists.append(try await Self.search(query, limit: limit, start: start, options: options, user: user, context: context, in: tx))
            }
            return lists
        }
        let body = queries.count == 1 ? try GerritResponse.jsonBody(results[0]) : try GerritResponse.jsonBody(results)
        cache?.store(body, for: key, generation: generation)
        return GerritResponse.json(body: body)
    }

    /// One page of a query's changes the user may read, formatted; the last one says `_more_changes`.
    static func search(
        _ query: ChangeQuery, limit: Int, start: Int, options: Set<ChangeOption>, user: CurrentUser, context: ReviewContext, in tx: StoreTransaction
    ) async throws -> [ChangeInfo] {
        let page = try await tx.changes(matching: query, viewer: QueryViewer(accountID: user.account?.id, now: context.clock()), limit: limit, start: start)
        var projects: [ProjectName: Project] = [:]
        var pairs: [(Change, Project)] = []
        for change in page.changes {
            if projects[change.project] == nil { projects[change.project] = try await tx.project(named: change.project) }
            if let project = projects[change.project], user.canRead(project) { pairs.append((change, project)) }
        }
        var infos = try await ChangeInfoFormatter(context: context, options: options, user: user).format(pairs, in: tx)
        if page.hasMore, !infos.isEmpty { infos[infos.count - 1].moreChanges = true }
        return infos
    }
}

/// What a search's answer depends on besides the database: who asks (visibility, permitted labels) and the
/// query string with its options.
struct SearchKey: Hashable, Sendable {
    let account: Int?
    let groups: Set<String>
    let query: String
}

typealias SearchCache = ReadCache<SearchKey, ByteBuffer>

/// Gerrit's AddReviewerResult.
struct AddReviewerResult: Encodable {
    let input: String
    let reviewers: [AccountInfo]?
    let ccs: [AccountInfo]?
}
