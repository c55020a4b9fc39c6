import GatehouseAPIModels
import GatehouseCore
import GatehouseGit
import GatehouseReview
import GatehouseStore
import Hummingbird

/// `/projects/…`: create projects, list them, and show their branches.
struct ProjectRoutes {
    let context: ReviewContext

    func handle(_ api: inout APIRequest) async throws -> Response {
        let rest = Array(api.segments.dropFirst())
        switch (api.method, rest.count) {
        case (.get, 0):
            return try await list(api)
        case (.get, 1):
            let project = try await visibleProject(rest[0], user: api.user)
            return try GerritResponse.json(Self.info(project, includeName: true))
        case (.put, 1):
            let input = try await api.request.decodeJSON(ProjectInput.self)
            let name = try ProjectName(rest[0])
            if let bodyName = input.name, bodyName != name.rawValue {
                throw HTTPFailure.badRequest("name \"\(bodyName)\" in the body does not match \"\(name.rawValue)\" in the URL")
            }
            let headBranch = try BranchName(input.branches?.first ?? "main")
            let project = try await CreateProject(
                name: name, description: input.description, isPrivate: input.isPrivate ?? false,
                createEmptyCommit: input.createEmptyCommit ?? false, headBranch: headBranch
            ).run(by: api.user, in: context)
            return try GerritResponse.json(Self.info(project, includeName: true), status: .created)
        case (.get, 2) where rest[1] == "branches":
            let project = try await visibleProject(rest[0], user: api.user)
            return try await branches(of: project)
        case (.get, 3) where rest[1] == "branches":
            let project = try await visibleProject(rest[0], user: api.user)
            let branch = try BranchName(rest[2])
            guard let commit = try await context.repository(for: project.name).resolve(branch.refName) else {
                throw ReviewError.notFound("Branch Not Found: \(rest[2])")
            }
            return try GerritResponse.json(BranchInfo(ref: branch.refName, revision: commit.hex))
        case (.get, 2) where rest[1] == "description":
            let project = try await visibleProject(rest[0], user: api.user)
            return try GerritResponse.json(project.description ?? "")
        case (.get, 2) where rest[1] == "HEAD":
            let project = try await visibleProject(rest[0], user: api.user)
            return try GerritResponse.json(project.headBranch.refName)
        case (_, 2...3) where ["labels", "submit_rules", "gate"].contains(rest[1]):
            let project = try await visibleProject(rest[0], user: api.user)
            return try await LabelRoutes(context: context).handle(&api, project: project, rest: Array(rest.dropFirst()))
        case (_, 1), (_, 2):
            throw HTTPFailure.methodNotAllowed
        default:
            throw HTTPFailure.notFound()
        }
    }

    /// `GET /projects/` with Gerrit's `n`, `S`, `p` (prefix), `m` (substring) and `d` (descriptions).
    private func list(_ api: APIRequest) async throws -> Response {
        let limit = try api.query.int("n", default: Int.max)
        let skip = try api.query.int("S", "start", default: 0)
        let prefix = api.query["p"]
        let substring = api.query["m"]?.lowercased()
        var projects = try await context.store.read { [isAnonymous = api.user.isAnonymous] in
            try await $0.projects(includePrivate: !isAnonymous)
        }
        if let prefix { projects = projects.filter { $0.name.rawValue.hasPrefix(prefix) } }
        if let substring { projects = projects.filter { $0.name.rawValue.lowercased().contains(substring) } }
        let page = projects.dropFirst(skip).prefix(limit)
        let showDescription = api.query.has("d")
        var map: [String: ProjectInfo] = [:]
        for project in page {
            var info = Self.info(project, includeName: false)
            if !showDescription { info.description = nil }
            map[project.name.rawValue] = info
        }
        return try GerritResponse.json(map)
    }

    private func branches(of project: Project) async throws -> Response {
        let repository = context.repository(for: project.name)
        let refs = try await repository.refs(under: ["refs/heads/"])
        var list = [BranchInfo(ref: "HEAD", revision: project.headBranch.rawValue)]
        list += refs.map { BranchInfo(ref: $0.name, revision: $0.commit.hex) }
        return try GerritResponse.json(list)
    }

    /// The project, or 404 when it does not exist or the caller may not see it (never revealing which).
    private func visibleProject(_ text: String, user: CurrentUser) async throws -> Project {
        guard let name = try? ProjectName(text.hasSuffix(".git") ? String(text.dropLast(4)) : text),
            let project = try await context.store.read({ try await $0.project(named: name) }), user.canRead(project)
        else {
            throw ReviewError.notFound("Project Not Found: \(text)")
        }
        return project
    }

    static func info(_ project: Project, includeName: Bool) -> ProjectInfo {
        ProjectInfo(id: project.name.urlEncoded, name: includeName ? project.name.rawValue : nil, description: project.description)
    }
}
