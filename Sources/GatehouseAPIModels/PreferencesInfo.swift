/// The part of Gerrit's GeneralPreferencesInfo that Gatehouse keeps (`GET`/`PUT /accounts/{id}/preferences`).
///
/// `email_strategy` is `ENABLED`, `OWN_CHANGES` (Gatehouse's: only mail about the account's own changes) or
/// `DISABLED`. Other keys a Gerrit client sends are ignored, as Gerrit ignores what it does not know.
public struct PreferencesInfo: Codable, Equatable, Sendable {
    public var emailStrategy: String?

    public init(emailStrategy: String?) {
        self.emailStrategy = emailStrategy
    }

    enum CodingKeys: String, CodingKey {
        case emailStrategy = "email_strategy"
    }
}
