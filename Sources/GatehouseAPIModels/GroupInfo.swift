/// Gerrit's GroupInfo.
public struct GroupInfo: Codable, Equatable, Sendable {
    public var id: String
    public var name: String
    public var groupID: Int
    public var description: String?
    public var createdOn: String?

    public init(id: String, name: String, groupID: Int, description: String?, createdOn: String?) {
        self.id = id
        self.name = name
        self.groupID = groupID
        self.description = description
        self.createdOn = createdOn
    }

    enum CodingKeys: String, CodingKey {
        case id, name
        case groupID = "group_id"
        case description
        case createdOn = "created_on"
    }
}

/// Gerrit's GroupInput for `PUT /groups/{name}`.
public struct GroupInput: Codable, Sendable {
    public var name: String?
    public var description: String?

    public init(name: String? = nil, description: String? = nil) {
        self.name = name
        self.description = description
    }
}
