/// One entry of the durable event log: a state change, recorded in the transaction that made it.
///
/// `payload` is the JSON that streams, webhooks and mail read, fixed when the event happened (Gerrit's
/// stream-events carry the change as it was then, not as it is when a slow reader gets to it).
package struct Event: Hashable, Sendable {
    /// Increases with every committed event, in commit order; a stream resumes from it.
    package let seq: Int
    package let type: EventType
    /// Nil for events that belong to no project (none yet, but Gerrit has some).
    package let project: ProjectName?
    package let change: Change.Number?
    package let createdAt: Timestamp
    package let payload: String

    package init(seq: Int, type: EventType, project: ProjectName?, change: Change.Number?, createdAt: Timestamp, payload: String) {
        self.seq = seq
        self.type = type
        self.project = project
        self.change = change
        self.createdAt = createdAt
        self.payload = payload
    }
}
