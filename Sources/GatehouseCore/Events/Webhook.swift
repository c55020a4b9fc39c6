/// A project's subscription: every matching event of the project is POSTed to `url`, signed with `secret`.
///
/// The secret is kept as given, unlike passwords: the server needs it to compute each signature, so a hash
/// would not do. It is never shown again after creation.
package struct Webhook: Hashable, Sendable {
    package typealias ID = Int

    package let id: ID
    package let project: ProjectName
    package let url: String
    package let secret: String
    /// Empty means every event type.
    package let eventTypes: Set<EventType>
    package let createdBy: Account.ID
    package let createdAt: Timestamp

    package init(
        id: ID, project: ProjectName, url: String, secret: String, eventTypes: Set<EventType>, createdBy: Account.ID, createdAt: Timestamp
    ) {
        self.id = id
        self.project = project
        self.url = url
        self.secret = secret
        self.eventTypes = eventTypes
        self.createdBy = createdBy
        self.createdAt = createdAt
    }

    package func wants(_ type: EventType) -> Bool {
        eventTypes.isEmpty || eventTypes.contains(type)
    }
}
