import Foundation
import Logging
import GatehouseCore
import GatehouseGit
import GatehouseStore

extension ReceiveCommits {
    /// Writes the changes and patch sets for `uploads` in one transaction, `refs/changes/*` included.
    ///
    /// Which change a commit revises is decided inside the transaction, so two pushes racing with the same
    /// Change-Id cannot both create a change: the unique index refuses the second, which then retries and finds
    /// the first one's change.
    func apply(_ uploads: [ValidUpload], target: ReviewPushTarget, repository: BareRepository) async throws -> [UploadedChange] {
        var attempt = 0
        while true {
            attempt += 1
            do {
                return try await applyOnce(uploads, target: target, repository: repository)
            } catch StoreError.conflict(let what) where attempt < 4 {
                context.logger.debug("retrying upload after a lost race: \(what)")
            }
        }
    }

    private func applyOnce(_ uploads: [ValidUpload], target: ReviewPushTarget, repository: BareRepository) async throws -> [UploadedChange] {
        let now = context.clock()
        let project = project
        let pusher = pusher
        let options = target.options
        let kinds = try await patchSetKinds(of: uploads, branch: target.branch, repository: repository)
        let events = EventRecorder(context: context)
        return try await context.store.write { tx in
            let labels = try await tx.labels(of: project.name)
            let reviewers = try await Self.resolve(options.reviewers, state: .reviewer, in: tx)
                + Self.resolve(options.ccs, state: .cc, in: tx)
            var refUpdates: [RefUpdate] = []
            var results: [UploadedChange] = []
            var created: [(Change, CommitObject)] = []
            for upload in uploads {
                var change: Change
                let patchSetNumber: Int
                var copiedVotes: [Vote] = []
                var kind = PatchSetKind.rework
                if var existing = try await tx.change(project: project.name, branch: target.branch, key: upload.key) {
                    guard existing.status.isOpen else { throw UploadRejection("change \(existing.number) closed") }
                    // The kind was worked out against the patch set that was current before the transaction;
                    // if another push got in between, start over.
                    guard let known = kinds[upload.key], known.patchSet == existing.currentPatchSet else {
                        throw StoreError.conflict("patch set \(existing.number),\(existing.currentPatchSet) appeared concurrently")
                    }
                    kind = known.kind
                    let previousVotes = try await tx.votes(change: existing.number, patchSet: existing.currentPatchSet)
                    copiedVotes = VoteCopy.carriedOver(previousVotes, to: existing.currentPatchSet + 1, kind: kind, labels: labels)
                    patchSetNumber = existing.currentPatchSet + 1
                    existing.currentPatchSet = patchSetNumber
                    existing.subject = upload.subject
                    existing.updatedAt = now
                    change = existing
                } else {
                    patchSetNumber = 1
                    change = Change(
                        number: try await tx.nextNumber("change"), project: project.name, branch: target.branch, key: upload.key,
                        ownerID: pusher.id, subject: upload.subject, status: .new, topic: nil, hashtags: [],
                        isWorkInProgress: false, currentPatchSet: 1, createdAt: now, updatedAt: now
                    )
                }
                if let topic = options.topic { change.topic = topic }
                if let wip = options.workInProgress { change.isWorkInProgress = wip }
                change.hashtags = Array(Set(change.hashtags + options.hashtags)).sorted()
                if patchSetNumber == 1 { try await tx.insertChange(change) } else { try await tx.updateChange(change) }
                let patchSet = PatchSet(
                    id: PatchSetID(change: change.number, patchSet: patchSetNumber), commit: upload.commit.id,
                    parents: upload.commit.parents, uploaderID: pusher.id, createdAt: now, kind: kind
                )
                try await tx.insertPatchSet(patchSet)
                for vote in copiedVotes { try await tx.setVote(vote, change: change.number) }
                var text = "Uploaded patch set \(patchSetNumber)\(Self.describe(kind, previous: patchSetNumber - 1))."
                if !copiedVotes.isEmpty {
                    let names = try await tx.accounts(ids: copiedVotes.map(\.accountID))
                    text += "\n\nCopied votes: " + copiedVotes.map {
                        "\($0.label)\(LabelDefinition.formatValue($0.value)) (\(names[$0.accountID]?.username ?? "account \($0.accountID)"))"
                    }.joined(separator: ", ")
                }
                if let message = options.message { text += "\n\n\(message)" }
                try await tx.insertMessage(ChangeMessage(
                    id: UUID().uuidString.lowercased(), change: change.number, authorID: pusher.id, patchSet: patchSetNumber,
                    message: text, tag: "autogenerated:gatehouse:newPatchSet", createdAt: now
                ))
                for reviewer in reviewers where reviewer.accountID != change.ownerID {
                    try await tx.addReviewer(reviewer, to: change.number)
                }
                // Every new patch set is tested at once.
                try await GateEntry.requestCheck(change, in: tx, now: now)
                created.append((change, upload.commit))
                refUpdates.append(RefUpdate(name: patchSet.id.refName, new: upload.commit.id, expectedOld: nil))
                results.append(UploadedChange(
                    number: change.number, subject: change.subject, isNew: patchSetNumber == 1, isWorkInProgress: change.isWorkInProgress
                ))
            }
            try await repository.update(refUpdates, message: "push by \(pusher.username)")
            // Events after git and after every change number was taken, so the event counter is locked last
            // and briefly. Copied votes may already make a patch set submittable: it enters the gate at once.
            for (change, commit) in created {
                try await events.patchSetCreated(change, commitMessage: commit.message, in: tx, now: now)
                try await GateEntry.enqueueIfSubmittable(change, in: tx, now: now, events: events)
            }
            return results
        }
    }

    /// How each upload that revises an open change differs from that change's current patch set, worked out
    /// with git before the write transaction so git never runs while the database is locked.
    private func patchSetKinds(
        of uploads: [ValidUpload], branch: BranchName, repository: BareRepository
    ) async throws -> [ChangeKey: (patchSet: Int, kind: PatchSetKind)] {
        var result: [ChangeKey: (patchSet: Int, kind: PatchSetKind)] = [:]
        for upload in uploads {
            let current = try await context.store.read { [project] tx -> (Int, CommitID)? in
                guard let change = try await tx.change(project: project.name, branch: branch, key: upload.key), change.status.isOpen,
                    let patchSet = try await tx.patchSets(of: change.number).last
                else { return nil }
                return (patchSet.id.patchSet, patchSet.commit)
            }
            guard let (number, commit) = current, let previous = try await repository.commits([commit]).first else { continue }
            result[upload.key] = (number, try await repository.patchSetKind(previous: previous, current: upload.commit))
        }
        return result
    }

    /// The clause Gerrit adds to "Uploaded patch set N" for patch sets that changed nothing of substance.
    static func describe(_ kind: PatchSetKind, previous: Int) -> String {
        switch kind {
        case .trivialRebase: ": Patch Set \(previous) was rebased"
        case .noCodeChange: ": Commit message was updated"
        case .noChange: ": New patch set was added with same tree, parent, and commit message as Patch Set \(previous)"
        case .rework, .mergeFirstParentUpdate: ""
        }
    }

    private static func resolve(_ names: [String], state: Reviewer.State, in tx: StoreTransaction) async throws -> [Reviewer] {
        var reviewers: [Reviewer] = []
        for name in names {
            guard let account = try await tx.account(identifiedBy: name), account.isActive else {
                throw UploadRejection("account \"\(name)\" not found")
            }
            reviewers.append(Reviewer(accountID: account.id, state: state))
        }
        return reviewers
    }
}
