import Crypto
import Foundation
import GatehouseCore
import GatehouseStore

/// Browser sign-in: a username and HTTP password become a session, held by the browser as a random id in a
/// cookie and by the database only as that id's SHA-256.
///
/// Every sign-in makes a new session id (so an id planted before sign-in is worthless), and each session has
/// its own CSRF token, which every form of the session must carry back.
package struct WebSessions: Sendable {
    package static let lifetime: Duration = .seconds(14 * 86_400)

    package struct Session: Sendable {
        /// The cookie value; never stored.
        package let id: String
        package let user: CurrentUser
        package let csrfToken: String
    }

    private let context: ReviewContext
    private let authenticator: Authenticator

    package init(context: ReviewContext, authenticator: Authenticator) {
        self.context = context
        self.authenticator = authenticator
    }

    /// A new session for the right password, nil for a wrong one (without saying which part was wrong).
    /// - Parameter replacing: the cookie the browser had before, whose session ends here.
    package func signIn(username: String, password: String, replacing old: String?) async throws -> Session? {
        guard let user = try await authenticator.authenticate(username: username, password: password), let account = user.account else {
            return nil
        }
        let id = Self.randomToken()
        let csrf = Self.randomToken()
        let now = context.clock()
        try await context.store.write { tx in
            if let old { try await tx.deleteWebSession(idHash: Self.hash(old)) }
            try await tx.deleteExpiredWebSessions(now: now)
            try await tx.insertWebSession(idHash: Self.hash(id), account: account.id, csrfToken: csrf, now: now, expires: now.adding(Self.lifetime))
        }
        return Session(id: id, user: user, csrfToken: csrf)
    }

    /// The session a cookie names, if it is live and its account still active.
    package func resolve(_ id: String) async throws -> Session? {
        guard id.utf8.count == 43 else { return nil }
        let now = context.clock()
        guard let found = try await context.store.read({ tx in try await tx.webSession(idHash: Self.hash(id), now: now) }),
            let user = try await authenticator.user(id: found.account)
        else { return nil }
        return Session(id: id, user: user, csrfToken: found.csrfToken)
    }

    package func signOut(_ id: String) async throws {
        try await context.store.write { tx in try await tx.deleteWebSession(idHash: Self.hash(id)) }
    }

    /// 256 random bits, base64url without padding (43 characters): a session id, a CSRF token.
    package static func randomToken() -> String {
        let key = SymmetricKey(size: .bits256)
        return key.withUnsafeBytes { Data($0) }.base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }

    static func hash(_ id: String) -> String {
        SHA256.hash(data: Data(id.utf8)).map { String(format: "%02x", $0) }.joined()
    }
}
