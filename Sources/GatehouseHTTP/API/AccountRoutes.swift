import GatehouseAPIModels
import GatehouseCore
import GatehouseReview
import GatehouseStore
import Hummingbird

/// `/accounts/…`: create accounts, set HTTP passwords and preferences, look accounts up by id, username or e-mail.
struct AccountRoutes {
    let context: ReviewContext
    let authenticator: Authenticator

    func handle(_ api: inout APIRequest) async throws -> Response {
        let rest = Array(api.segments.dropFirst())
        switch (api.method, rest.count) {
        case (.get, 1):
            let account = try await lookup(rest[0], user: api.user)
            return try GerritResponse.json(AccountInfo(account, showEmail: !api.user.isAnonymous))
        case (.put, 1):
            let input = try await api.request.decodeJSON(AccountInput.self)
            if let username = input.username, username != rest[0] {
                throw HTTPFailure.badRequest("username \"\(username)\" in the body does not match \"\(rest[0])\" in the URL")
            }
            let account = try await CreateAccount(
                username: rest[0], fullName: input.name ?? input.displayName, email: input.email,
                httpPassword: input.httpPassword, groups: input.groups ?? []
            ).run(by: api.user, in: context)
            return try GerritResponse.json(AccountInfo(account, showEmail: true), status: .created)
        case (.put, 2) where rest[1] == "password.http":
            let account = try await lookup(rest[0], user: api.user)
            let input = try await api.request.decodeJSON(HTTPPasswordInput.self)
            let request: SetHTTPPassword.Request =
                if input.generate == true { .generate } else if let chosen = input.httpPassword, !chosen.isEmpty { .set(chosen) } else { .remove }
            let password = try await SetHTTPPassword(account: account, request: request).run(by: api.user, in: context, authenticator: authenticator)
            return try password.map { try GerritResponse.json($0) } ?? GerritResponse.noContent()
        case (.delete, 2) where rest[1] == "password.http":
            let account = try await lookup(rest[0], user: api.user)
            _ = try await SetHTTPPassword(account: account, request: .remove).run(by: api.user, in: context, authenticator: authenticator)
            return GerritResponse.noContent()
        case (.get, 2) where rest[1] == "preferences":
            let account = try await lookup(rest[0], user: api.user)
            let strategy = try await AccountPreferences(account: account).emailStrategy(by: api.user, in: context)
            return try GerritResponse.json(PreferencesInfo(emailStrategy: strategy.rawValue))
        case (.put, 2) where rest[1] == "preferences":
            let account = try await lookup(rest[0], user: api.user)
            let input = try await api.request.decodeJSON(PreferencesInfo.self)
            let preferences = AccountPreferences(account: account)
            let strategy =
                if let wanted = input.emailStrategy {
                    try await preferences.setEmailStrategy(wanted, by: api.user, in: context)
                } else {
                    try await preferences.emailStrategy(by: api.user, in: context)
                }
            return try GerritResponse.json(PreferencesInfo(emailStrategy: strategy.rawValue))
        case (.get, 2) where rest[1] == "name":
            let account = try await lookup(rest[0], user: api.user)
            return try GerritResponse.json(account.fullName ?? "")
        case (_, 1), (_, 2):
            throw HTTPFailure.methodNotAllowed
        default:
            throw HTTPFailure.notFound()
        }
    }

    /// `self`, a numeric id, a username or an e-mail address, as Gerrit's `{account-id}`.
    private func lookup(_ text: String, user: CurrentUser) async throws -> Account {
        if text == "self" { return try user.requireAccount() }
        guard let account = try await context.store.read({ try await $0.account(identifiedBy: text) }) else {
            throw ReviewError.notFound("Account '\(text)' not found")
        }
        return account
    }
}
