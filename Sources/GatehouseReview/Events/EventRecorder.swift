import Foundation
import GatehouseAPIModels
package import GatehouseCore
package import GatehouseStore

/// Writes the event log: each method appends one event in Gerrit's stream-events shape, inside the caller's
/// transaction, so the event commits (or rolls back) with the write it describes.
///
/// Every use case and the gate record through this one type, so a `comment-added` from a person and one from
/// the gate's account look the same to a bot. Record after everything else that takes a number in the
/// transaction (a change, a pipeline entry, a build): the event counter must be the last one locked.
package struct EventRecorder: Sendable {
    private let context: ReviewContext

    package init(context: ReviewContext) {
        self.context = context
    }

    package func patchSetCreated(_ change: Change, commitMessage: String?, in tx: StoreTransaction, now: Timestamp) async throws {
        var event = try await changeEvent(.patchSetCreated, change, commitMessage: commitMessage, in: tx, now: now)
        event.uploader = event.patchSet?.uploader
        try await append(event, change, in: tx, now: now)
    }

    /// A review: its message (`Patch Set 2: Code-Review+2 …`) and the author's votes, each with `oldValue`
    /// where this review changed it.
    package func commentAdded(
        _ change: Change, patchSet: Int, author: Account, comment: String, changedVotes: [String: Int], in tx: StoreTransaction,
        now: Timestamp
    ) async throws {
        var event = try await changeEvent(.commentAdded, change, patchSet: patchSet, in: tx, now: now)
        event.author = Self.attribute(author)
        event.comment = comment
        let votes = try await tx.votes(change: change.number, patchSet: patchSet).filter { $0.accountID == author.id }
        var approvals = votes.map { vote in
            ApprovalAttribute(
                type: vote.label, description: vote.label, value: String(vote.value), oldValue: changedVotes[vote.label].map { String($0) })
        }
        // A vote this review removed is no longer stored, but Gerrit still reports it, as value 0.
        for (label, old) in changedVotes where !votes.contains(where: { $0.label == label }) {
            approvals.append(ApprovalAttribute(type: label, description: label, value: "0", oldValue: String(old)))
        }
        event.approvals = approvals.sorted { $0.type < $1.type }
        try await append(event, change, in: tx, now: now)
    }

    package func changeAbandoned(_ change: Change, by account: Account, reason: String?, in tx: StoreTransaction, now: Timestamp) async throws {
        var event = try await changeEvent(.changeAbandoned, change, in: tx, now: now)
        event.abandoner = Self.attribute(account)
        event.reason = reason
        try await append(event, change, in: tx, now: now)
    }

    package func changeRestored(_ change: Change, by account: Account, reason: String?, in tx: StoreTransaction, now: Timestamp) async throws {
        var event = try await changeEvent(.changeRestored, change, in: tx, now: now)
        event.restorer = Self.attribute(account)
        event.reason = reason
        try await append(event, change, in: tx, now: now)
    }

    package func topicChanged(_ change: Change, oldTopic: String?, by account: Account, in tx: StoreTransaction, now: Timestamp) async throws {
        var event = try await changeEvent(.topicChanged, change, in: tx, now: now)
        event.changer = Self.attribute(account)
        event.oldTopic = oldTopic
        try await append(event, change, in: tx, now: now)
    }

    package func hashtagsChanged(
        _ change: Change, added: [String], removed: [String], by account: Account, in tx: StoreTransaction, now: Timestamp
    ) async throws {
        var event = try await changeEvent(.hashtagsChanged, change, in: tx, now: now)
        event.editor = Self.attribute(account)
        event.added = added
        event.removed = removed
        event.hashtags = change.hashtags
        try await append(event, change, in: tx, now: now)
    }

    package func wipStateChanged(_ change: Change, by account: Account, in tx: StoreTransaction, now: Timestamp) async throws {
        var event = try await changeEvent(.wipStateChanged, change, in: tx, now: now)
        event.changer = Self.attribute(account)
        try await append(event, change, in: tx, now: now)
    }

    package func reviewerAdded(_ change: Change, reviewer: Account, in tx: StoreTransaction, now: Timestamp) async throws {
        var event = try await changeEvent(.reviewerAdded, change, in: tx, now: now)
        event.reviewer = Self.attribute(reviewer)
        try await append(event, change, in: tx, now: now)
    }

    /// The gate landed the change as `commit`: `change-merged`, then the branch's `ref-updated`.
    package func changeMerged(
        _ change: Change, patchSet: Int, commit: CommitID, oldTip: CommitID?, submitter: Account?, in tx: StoreTransaction, now: Timestamp
    ) async throws {
        var event = try await changeEvent(.changeMerged, change, patchSet: patchSet, in: tx, now: now)
        event.submitter = submitter.map(Self.attribute)
        event.newRev = commit.hex
        try await append(event, change, in: tx, now: now)
        var ref = StreamEvent(type: EventType.refUpdated.rawValue, eventCreatedOn: now.secondsSinceEpoch)
        ref.submitter = event.submitter
        ref.refUpdate = RefUpdateAttribute(
            oldRev: (oldTip ?? .zero).hex, newRev: commit.hex, refName: change.branch.refName, project: change.project.rawValue)
        ref.project = change.project.rawValue
        ref.refName = change.branch.refName
        try await append(ref, type: .refUpdated, project: change.project, change: nil, in: tx, now: now)
    }

    package func gateEnqueued(_ change: Change, in tx: StoreTransaction, now: Timestamp) async throws {
        var event = try await changeEvent(.gateEnqueued, change, in: tx, now: now)
        event.gate = GateAttribute(pipeline: PipelineName.gate.rawValue, project: change.project.rawValue, branch: change.branch.rawValue, reason: nil)
        try await append(event, change, in: tx, now: now)
    }

    package func gateDequeued(_ change: Change, patchSet: Int, reason: String, in tx: StoreTransaction, now: Timestamp) async throws {
        var event = try await changeEvent(.gateDequeued, change, patchSet: patchSet, in: tx, now: now)
        event.gate = GateAttribute(
            pipeline: PipelineName.gate.rawValue, project: change.project.rawValue, branch: change.branch.rawValue, reason: reason)
        try await append(event, change, in: tx, now: now)
    }

    /// `build-started` for a build without a result, `build-completed` for one with.
    package func build(_ build: Build, in tx: StoreTransaction, now: Timestamp) async throws {
        guard let change = try await tx.change(number: build.patchSet.change) else { return }
        let type: EventType = build.result == nil ? .buildStarted : .buildCompleted
        var event = try await changeEvent(type, change, patchSet: build.patchSet.patchSet, in: tx, now: now)
        event.build = BuildAttribute(
            id: build.id, pipeline: build.pipeline.rawValue, job: build.job, changes: build.changes, commit: build.commit?.hex,
            result: build.result?.rawValue, logUrl: "\(context.baseURL)/logs/\(build.id)/")
        try await append(event, change, in: tx, now: now)
    }

    // MARK: Shapes

    private func changeEvent(
        _ type: EventType, _ change: Change, patchSet: Int? = nil, commitMessage: String? = nil, in tx: StoreTransaction, now: Timestamp
    ) async throws -> StreamEvent {
        let patchSets = try await tx.patchSets(of: change.number)
        let shown = patchSets.first { $0.id.patchSet == (patchSet ?? change.currentPatchSet) }
        let people = try await tx.accounts(ids: [change.ownerID] + (shown.map { [$0.uploaderID] } ?? []))
        var event = StreamEvent(type: type.rawValue, eventCreatedOn: now.secondsSinceEpoch)
        event.project = change.project.rawValue
        event.refName = change.branch.refName
        event.changeKey = ChangeKeyAttribute(id: change.key.rawValue)
        event.change = ChangeAttribute(
            project: change.project.rawValue, branch: change.branch.rawValue, topic: change.topic, id: change.key.rawValue,
            number: change.number, subject: change.subject, owner: people[change.ownerID].map(Self.attribute),
            url: context.changeURL(project: change.project, number: change.number), commitMessage: commitMessage,
            hashtags: change.hashtags.isEmpty ? nil : change.hashtags, createdOn: change.createdAt.secondsSinceEpoch,
            status: change.status.rawValue, wip: change.isWorkInProgress ? true : nil)
        event.patchSet = shown.map { patchSet in
            PatchSetAttribute(
                number: patchSet.id.patchSet, revision: patchSet.commit.hex, parents: patchSet.parents.map(\.hex), ref: patchSet.id.refName,
                uploader: people[patchSet.uploaderID].map(Self.attribute), createdOn: patchSet.createdAt.secondsSinceEpoch,
                kind: patchSet.kind.rawValue)
        }
        return event
    }

    private static func attribute(_ account: Account) -> AccountAttribute {
        AccountAttribute(name: account.fullName ?? account.username, email: account.email, username: account.username)
    }

    private func append(_ event: StreamEvent, _ change: Change, in tx: StoreTransaction, now: Timestamp) async throws {
        guard let type = EventType(rawValue: event.type) else { preconditionFailure("unknown event type \(event.type)") }
        try await append(event, type: type, project: change.project, change: change.number, in: tx, now: now)
    }

    private func append(
        _ event: StreamEvent, type: EventType, project: ProjectName, change: Change.Number?, in tx: StoreTransaction, now: Timestamp
    ) async throws {
        try await tx.appendEvent(type, project: project, change: change, payload: { seq in
            var numbered = event
            numbered.seq = seq
            return try Self.encode(numbered)
        }, now: now)
    }

    private static func encode(_ event: StreamEvent) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(event), as: UTF8.self)
    }
}
