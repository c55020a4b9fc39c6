/// Gerrit's AccountInfo. `_account_id` is always present: gertty reads `owner._account_id` unguarded.
public struct AccountInfo: Codable, Equatable, Sendable {
    public var accountID: Int
    public var name: String?
    public var displayName: String?
    public var email: String?
    public var username: String?
    public var inactive: Bool?

    public init(accountID: Int, name: String? = nil, displayName: String? = nil, email: String? = nil, username: String? = nil, inactive: Bool? = nil) {
        self.accountID = accountID
        self.name = name
        self.displayName = displayName
        self.email = email
        self.username = username
        self.inactive = inactive
    }

    enum CodingKeys: String, CodingKey {
        case accountID = "_account_id"
        case name
        case displayName = "display_name"
        case email, username, inactive
    }
}

extension AccountInfo: JSONValueWritable {
    package func writeJSON(to output: inout JSONOutput) {
        output.beginObject()
        output.field(CodingKeys.accountID, accountID)
        output.field(CodingKeys.name, name)
        output.field(CodingKeys.displayName, displayName)
        output.field(CodingKeys.email, email)
        output.field(CodingKeys.username, username)
        output.field(CodingKeys.inactive, inactive)
        output.endObject()
    }
}

/// Gerrit's AccountInput for `PUT /accounts/{username}`.
public struct AccountInput: Codable, Sendable {
    public var username: String?
    public var name: String?
    public var displayName: String?
    public var email: String?
    public var httpPassword: String?
    public var groups: [String]?

    public init(username: String? = nil, name: String? = nil, email: String? = nil, httpPassword: String? = nil, groups: [String]? = nil) {
        self.username = username
        self.name = name
        self.email = email
        self.httpPassword = httpPassword
        self.groups = groups
    }

    enum CodingKeys: String, CodingKey {
        case username, name
        case displayName = "display_name"
        case email
        case httpPassword = "http_password"
        case groups
    }
}

/// Gerrit's HttpPasswordInput for `PUT /accounts/{id}/password.http`.
public struct HTTPPasswordInput: Codable, Sendable {
    public var generate: Bool?
    public var httpPassword: String?

    public init(generate: Bool? = nil, httpPassword: String? = nil) {
        self.generate = generate
        self.httpPassword = httpPassword
    }

    enum CodingKeys: String, CodingKey {
        case generate
        case httpPassword = "http_password"
    }
}
