/// A person or a bot that signs in, proposes changes and (later) votes.
///
/// Numbered from 1,000,000 like Gerrit's accounts, so ids never look like change numbers in a URL.
package struct Account: Hashable, Sendable {
    package typealias ID = Int

    package let id: ID
    package let username: String
    package var fullName: String?
    package var email: String?
    package var isActive: Bool
    package let createdAt: Timestamp

    package init(id: ID, username: String, fullName: String?, email: String?, isActive: Bool, createdAt: Timestamp) {
        self.id = id
        self.username = username
        self.fullName = fullName
        self.email = email
        self.isActive = isActive
        self.createdAt = createdAt
    }

    /// Usernames are what people type in `owner:` queries and push options (`r=alice`), so they stay short and
    /// URL-safe: letters, digits, `.`, `_`, `-`, starting with a letter or digit.
    package static func validateUsername(_ name: String) throws(ValidationError) {
        guard !name.isEmpty, name.utf8.count <= 64 else {
            throw ValidationError("username must be 1 to 64 characters")
        }
        let allowed = name.unicodeScalars.allSatisfy {
            ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0))) || $0 == "." || $0 == "_" || $0 == "-"
        }
        guard allowed, let first = name.unicodeScalars.first, first != ".", first != "_", first != "-" else {
            throw ValidationError("invalid username \"\(name)\": use letters, digits, '.', '_' and '-', starting with a letter or digit")
        }
        guard name != "self" else { throw ValidationError("\"self\" is reserved and cannot be a username") }
    }
}
