package import GatehouseCore
import GatehouseStore

/// Creates an account (administrators only), optionally with an HTTP password and group memberships.
package struct CreateAccount: Sendable {
    package var username: String
    package var fullName: String?
    package var email: String?
    package var httpPassword: String?
    package var groups: [String]

    package init(username: String, fullName: String? = nil, email: String? = nil, httpPassword: String? = nil, groups: [String] = []) {
        self.username = username
        self.fullName = fullName
        self.email = email
        self.httpPassword = httpPassword
        self.groups = groups
    }

    package func run(by user: CurrentUser?, in context: ReviewContext) async throws -> Account {
        if let user { try user.requireAdministrator() }
        do { try Account.validateUsername(username) } catch { throw ReviewError.badRequest(error.message) }
        if let email, !Self.isPlausibleEmail(email) { throw ReviewError.badRequest("invalid email address \"\(email)\"") }
        if let httpPassword, httpPassword.isEmpty || httpPassword.utf8.count > 256 {
            throw ReviewError.badRequest("http_password must be 1 to 256 characters")
        }
        let hash = httpPassword.map { PasswordHash.make($0, generated: false) }
        let now = context.clock()
        do {
            return try await context.store.write { [self] tx in
                if try await tx.account(username: username) != nil { throw ReviewError.conflict("account '\(username)' already exists") }
                if let email, try await tx.account(email: email) != nil { throw ReviewError.conflict("email '\(email)' already in use") }
                var groupIDs: [Group.ID] = []
                for name in groups {
                    guard let group = try await tx.group(named: name) else { throw ReviewError.badRequest("group \"\(name)\" not found") }
                    groupIDs.append(group.id)
                }
                let account = try await tx.insertAccount(username: username, fullName: fullName, email: email, now: now)
                if let hash { try await tx.setPasswordHash(hash, for: account.id, now: now) }
                for id in groupIDs { _ = try await tx.addMember(account.id, to: id) }
                return account
            }
        } catch StoreError.conflict {
            throw ReviewError.conflict("account '\(username)' already exists")
        }
    }

    static func isPlausibleEmail(_ email: String) -> Bool {
        let parts = email.split(separator: "@", omittingEmptySubsequences: false)
        return parts.count == 2 && !parts[0].isEmpty && !parts[1].isEmpty && email.utf8.count <= 254
            && !email.unicodeScalars.contains { $0.properties.isWhitespace || $0.properties.generalCategory == .control }
    }
}
