package import GatehouseCore
import SQLKit

extension StoreTransaction {
    package func insertProject(_ project: Project) async throws {
        try await sql.raw("""
            INSERT INTO projects (name, description, private, head_branch, created_at)
            VALUES (\(bind: project.name.rawValue), \(bind: project.description), \(bind: project.isPrivate ? 1 : 0),
                    \(bind: project.headBranch.rawValue), \(bind: project.createdAt.nanosecondsSinceEpoch))
            """).run()
    }

    package func project(named name: ProjectName) async throws -> Project? {
        try await cached(\.projects, name) {
            try await sql.raw("SELECT name, description, private, head_branch, created_at FROM projects WHERE name = \(bind: name.rawValue)")
                .first().map(Self.project(from:))
        }
    }

    /// Projects in name order; private ones only when `includePrivate`.
    package func projects(includePrivate: Bool) async throws -> [Project] {
        let filter: SQLQueryString = includePrivate ? "" : "WHERE private = 0"
        return try await sql.raw("SELECT name, description, private, head_branch, created_at FROM projects \(filter) ORDER BY name")
            .all().map(Self.project(from:))
    }

    static func project(from row: any SQLRow) throws -> Project {
        Project(
            name: ProjectName(stored: try row.decode(column: "name", as: String.self)),
            description: try row.decode(column: "description", as: String?.self),
            isPrivate: try row.decode(column: "private", as: Int.self) != 0,
            headBranch: BranchName(stored: try row.decode(column: "head_branch", as: String.self)),
            createdAt: Timestamp(nanosecondsSinceEpoch: try row.decode(column: "created_at", as: Int64.self))
        )
    }
}
