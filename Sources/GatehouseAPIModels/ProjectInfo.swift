/// Gerrit's ProjectInfo. `name` is left out when the project is a key of a map (`GET /projects/`).
public struct ProjectInfo: Codable, Equatable, Sendable {
    public var id: String
    public var name: String?
    public var parent: String?
    public var description: String?
    public var state: String?

    public init(id: String, name: String?, parent: String? = nil, description: String?, state: String? = "ACTIVE") {
        self.id = id
        self.name = name
        self.parent = parent
        self.description = description
        self.state = state
    }
}

/// Gerrit's ProjectInput for `PUT /projects/{name}`, plus Gatehouse's `private` flag.
public struct ProjectInput: Codable, Sendable {
    public var name: String?
    public var description: String?
    public var createEmptyCommit: Bool?
    /// Gatehouse: readable by signed-in users only. Public (anonymous read) when absent or false.
    public var isPrivate: Bool?
    /// The first branch; `main` when absent. Gerrit accepts a list and uses the first as HEAD.
    public var branches: [String]?

    public init(description: String? = nil, createEmptyCommit: Bool? = nil, isPrivate: Bool? = nil, branches: [String]? = nil) {
        self.description = description
        self.createEmptyCommit = createEmptyCommit
        self.isPrivate = isPrivate
        self.branches = branches
    }

    enum CodingKeys: String, CodingKey {
        case name, description
        case createEmptyCommit = "create_empty_commit"
        case isPrivate = "private"
        case branches
    }
}

/// Gerrit's BranchInfo.
public struct BranchInfo: Codable, Equatable, Sendable {
    public var ref: String
    public var revision: String
    public var canDelete: Bool?

    public init(ref: String, revision: String, canDelete: Bool? = nil) {
        self.ref = ref
        self.revision = revision
        self.canDelete = canDelete
    }

    enum CodingKeys: String, CodingKey {
        case ref, revision
        case canDelete = "can_delete"
    }
}
