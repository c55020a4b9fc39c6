package import GatehouseCore
import GatehouseStore

/// Sets, generates or removes an account's HTTP password (the account itself, or an administrator).
package struct SetHTTPPassword: Sendable {
    package enum Request: Sendable {
        case generate
        case set(String)
        case remove
    }

    package let account: Account
    package let request: Request

    package init(account: Account, request: Request) {
        self.account = account
        self.request = request
    }

    /// - Returns: the new password in clear (shown once, never stored), or nil when it was removed.
    package func run(by user: CurrentUser, in context: ReviewContext, authenticator: Authenticator) async throws -> String? {
        let caller = try user.requireAccount()
        guard caller.id == account.id || user.isAdministrator else {
            throw ReviewError.forbidden("only the account itself or an administrator may set its HTTP password")
        }
        let password: String?
        let hash: String?
        switch request {
        case .generate:
            password = PasswordHash.generatePassword()
            hash = password.map { PasswordHash.make($0, generated: true) }
        case .set(let chosen):
            guard !chosen.isEmpty, chosen.utf8.count <= 256 else { throw ReviewError.badRequest("http_password must be 1 to 256 characters") }
            password = chosen
            hash = PasswordHash.make(chosen, generated: false)
        case .remove:
            password = nil
            hash = nil
        }
        let now = context.clock()
        try await context.store.write { [account] tx in
            if let hash {
                try await tx.setPasswordHash(hash, for: account.id, now: now)
            } else {
                try await tx.deletePassword(for: account.id)
            }
        }
        await authenticator.forget(account: account.id)
        return password
    }
}
