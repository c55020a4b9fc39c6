package import GatehouseCore

/// Who is making a request, and the groups that decide what they may do.
package struct CurrentUser: Sendable {
    package let account: Account?
    package let groups: Set<String>

    package init(account: Account?, groups: Set<String>) {
        self.account = account
        self.groups = groups
    }

    package static let anonymous = CurrentUser(account: nil, groups: [])

    package var isAnonymous: Bool { account == nil }
    /// Administrators manage the server (accounts, groups, projects). They do not push to branches: no one does.
    package var isAdministrator: Bool { groups.contains(Group.administrators) }

    /// Public projects are readable by everyone; private ones by signed-in users only.
    package func canRead(_ project: Project) -> Bool {
        !project.isPrivate || account != nil
    }

    /// The signed-in account, or 401 so the client retries with credentials.
    package func requireAccount() throws(ReviewError) -> Account {
        guard let account else { throw .unauthorized }
        return account
    }

    package func requireAdministrator() throws(ReviewError) {
        _ = try requireAccount()
        guard isAdministrator else { throw .forbidden("administrator privileges required") }
    }
}
