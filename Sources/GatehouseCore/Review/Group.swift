/// A named set of accounts. Permissions are granted to groups, never to single accounts.
///
/// Two groups exist from the first start: `Administrators` (server administration, not branch pushes: nobody
/// pushes to a protected branch) and `Service Users` (bots such as the gate's own account). Every project
/// gets a `{project}-core` group whose members will hold the casting votes.
package struct Group: Hashable, Sendable {
    package typealias ID = Int

    package let id: ID
    package let name: String
    package var description: String?
    package let createdAt: Timestamp

    package init(id: ID, name: String, description: String?, createdAt: Timestamp) {
        self.id = id
        self.name = name
        self.description = description
        self.createdAt = createdAt
    }

    package static let administrators = "Administrators"
    package static let serviceUsers = "Service Users"

    /// The group whose members are a project's core reviewers.
    package static func coreGroupName(of project: ProjectName) -> String { "\(project.rawValue)-core" }

    /// Group names appear in URLs (`/groups/{name}`, a `/` encoded as `%2F`, as `{project}-core` of a nested
    /// project needs) and in sentences, so control characters are out.
    package static func validateName(_ name: String) throws(ValidationError) {
        guard !name.isEmpty, name.utf8.count <= 255, name.trimmingSpaces == name else {
            throw ValidationError("group name must be 1 to 255 characters without leading or trailing spaces")
        }
        guard !name.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
            throw ValidationError("group name must not contain control characters")
        }
    }
}

extension String {
    var trimmingSpaces: Substring {
        var s = self[...]
        while s.first == " " { s.removeFirst() }
        while s.last == " " { s.removeLast() }
        return s
    }
}
