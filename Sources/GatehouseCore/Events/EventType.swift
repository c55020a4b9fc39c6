/// What an ``Event`` reports. The first group are Gerrit's stream-events types, spelled as Gerrit spells them
/// because bots match on the text; the rest are Gatehouse's own, for the pipelines.
package enum EventType: String, Hashable, Sendable, CaseIterable {
    case patchSetCreated = "patchset-created"
    case commentAdded = "comment-added"
    case changeMerged = "change-merged"
    case changeAbandoned = "change-abandoned"
    case changeRestored = "change-restored"
    case refUpdated = "ref-updated"
    case topicChanged = "topic-changed"
    case hashtagsChanged = "hashtags-changed"
    case reviewerAdded = "reviewer-added"
    case wipStateChanged = "wip-state-changed"
    case gateEnqueued = "gate-enqueued"
    case gateDequeued = "gate-dequeued"
    case buildStarted = "build-started"
    case buildCompleted = "build-completed"
}
