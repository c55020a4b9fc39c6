import Crypto
package import GatehouseCore
package import GatehouseStore

/// Turns HTTP Basic credentials into a ``CurrentUser``.
///
/// A successful check is remembered for a minute (keyed by an HMAC of the password under a per-process key, so
/// the cache never holds a password), because git sends credentials on every request of a push and PBKDF2
/// is deliberately slow. A password change forgets the account's entries at once.
package actor Authenticator {
    private let store: Store
    private let cacheKey = SymmetricKey(size: .bits256)
    private var verified: [String: (accountID: Account.ID, expires: ContinuousClock.Instant)] = [:]
    private static let lifetime: Duration = .seconds(60)
    private static let maxEntries = 10_000

    package init(store: Store) {
        self.store = store
    }

    /// - Returns: the user, or nil for an unknown user, an inactive account or a wrong password (callers answer
    ///   401 without saying which).
    package func authenticate(username: String, password: String) async throws -> CurrentUser? {
        let key = cacheEntryKey(username: username, password: password)
        if let entry = verified[key], entry.expires > .now {
            return try await user(id: entry.accountID)
        }
        guard let account = try await store.read({ try await $0.account(username: username) }), account.isActive,
            let hash = try await store.read({ try await $0.passwordHash(for: account.id) }),
            PasswordHash.verify(password, against: hash)
        else { return nil }
        if verified.count >= Self.maxEntries { verified.removeAll() }
        verified[key] = (account.id, .now + Self.lifetime)
        return try await user(id: account.id)
    }

    /// Forgets cached checks for `account`, after its password changed.
    package func forget(account: Account.ID) {
        verified = verified.filter { $0.value.accountID != account }
    }

    /// The user with their current groups, read fresh so membership changes apply at once.
    package func user(id: Account.ID) async throws -> CurrentUser? {
        try await store.read { tx in
            guard let account = try await tx.account(id: id), account.isActive else { return nil }
            return CurrentUser(account: account, groups: try await tx.groupNames(of: id))
        }
    }

    private func cacheEntryKey(username: String, password: String) -> String {
        let mac = HMAC<SHA256>.authenticationCode(for: Array("\(username)\u{0}\(password)".utf8), using: cacheKey)
        return Array(mac).map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
    }
}
