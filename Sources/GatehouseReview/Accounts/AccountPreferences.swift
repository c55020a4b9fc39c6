package import GatehouseCore
import GatehouseStore

/// Reads and changes an account's preferences (today: which mails it gets), for the account itself or an
/// administrator; anyone else learns nothing, not even the default.
package struct AccountPreferences: Sendable {
    package let account: Account

    package init(account: Account) {
        self.account = account
    }

    package func emailStrategy(by user: CurrentUser, in context: ReviewContext) async throws -> EmailStrategy {
        try authorize(user)
        let strategies = try await context.store.read { [account] tx in try await tx.emailStrategies(of: [account.id]) }
        return strategies[account.id] ?? .default
    }

    package func setEmailStrategy(_ text: String, by user: CurrentUser, in context: ReviewContext) async throws -> EmailStrategy {
        try authorize(user)
        guard let strategy = EmailStrategy(rawValue: text) else {
            let known = EmailStrategy.allCases.map(\.rawValue).joined(separator: ", ")
            throw ReviewError.badRequest("email_strategy must be one of \(known), not \"\(text)\"")
        }
        try await context.store.write { [account] tx in try await tx.setEmailStrategy(strategy, for: account.id) }
        return strategy
    }

    private func authorize(_ user: CurrentUser) throws {
        let caller = try user.requireAccount()
        guard caller.id == account.id || user.isAdministrator else {
            throw ReviewError.forbidden("only the account itself or an administrator may see or change its preferences")
        }
    }
}
