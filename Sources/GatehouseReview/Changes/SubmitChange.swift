package import GatehouseCore
package import GatehouseStore

/// Evaluates a change's submit requirements, and answers a submit request by handing the change to the gate.
///
/// Nobody merges by hand: submitting a change whose requirements hold puts it in its branch's gate queue
/// (approving it does the same on its own), and the gate merges it once it passes on top of everything queued
/// ahead. A change whose requirements do not hold is refused with 409 and the sentences saying what is missing.
package enum SubmitChange {
    /// The requirement results of the change's current patch set under its project's rules.
    package static func requirements(for change: Change, in tx: StoreTransaction) async throws -> [SubmitRequirementResult] {
        let labels = try await tx.labels(of: change.project)
        let rules = try await tx.submitRules(of: change.project)
        let votes = try await tx.votes(change: change.number, patchSet: change.currentPatchSet)
        let names = try await tx.accounts(ids: votes.map(\.accountID)).mapValues { $0.username }
        return requirements(for: change, labels: labels, rules: rules, votes: votes, accountNames: names)
    }

    /// The same evaluation from data the caller already loaded (a page of changes shares one read).
    package static func requirements(
        for change: Change, labels: [LabelDefinition], rules: SubmitRules, votes: [Vote], accountNames: [Account.ID: String]
    ) -> [SubmitRequirementResult] {
        SubmitRequirements.evaluate(
            status: change.status, isWorkInProgress: change.isWorkInProgress, votes: votes, labels: labels, rules: rules,
            accountNames: accountNames
        )
    }

    /// Queues the change in the gate; returns it as it stands (still open: the gate merges it later).
    package static func run(_ number: Change.Number, by user: CurrentUser, in context: ReviewContext) async throws -> Change {
        let now = context.clock()
        defer { context.notifier.changed(number) }
        return try await context.store.write { tx in
            let access = try await ChangeAccess.load(number, user: user, in: tx)
            try access.requireMaintainer("submit")
            guard access.change.status.isOpen else { throw ReviewError.conflict("change is \(access.change.status.rawValue.lowercased())") }
            let results = try await requirements(for: access.change, in: tx)
            let unmet = results.filter { $0.status == .unsatisfied || $0.status == .blocked }
            guard unmet.isEmpty else {
                throw ReviewError.conflict("submit requirements not met: " + unmet.map { "\($0.name): \($0.explanation)" }.joined(separator: "; "))
            }
            try await GateEntry.enqueueIfSubmittable(access.change, in: tx, now: now, events: EventRecorder(context: context))
            return access.change
        }
    }
}
