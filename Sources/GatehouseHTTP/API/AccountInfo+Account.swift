import GatehouseAPIModels
import GatehouseCore

extension AccountInfo {
    /// The JSON shape of an account. E-mail addresses are shown to signed-in users only.
    init(_ account: Account, showEmail: Bool) {
        self.init(
            accountID: account.id,
            name: account.fullName ?? account.username,
            displayName: account.fullName,
            email: showEmail ? account.email : nil,
            username: account.username,
            inactive: account.isActive ? nil : true
        )
    }
}
