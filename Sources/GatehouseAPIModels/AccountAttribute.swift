/// A person in stream-events (Gerrit's AccountAttribute): no account id, unlike the REST API's AccountInfo.
public struct AccountAttribute: Codable, Equatable, Sendable {
    public var name: String?
    public var email: String?
    public var username: String?

    public init(name: String?, email: String?, username: String?) {
        self.name = name
        self.email = email
        self.username = username
    }
}
