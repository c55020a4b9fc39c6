package import GatehouseCore
package import GatehouseStore

/// Evaluates a change's submit requirements, and answers a submit request.
///
/// Merging is the gate's job: until the gate exists, a submit is refused with 409 either way, saying what is
/// missing or that the change waits for the gate.
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

    package static func run(_ number: Change.Number, by user: CurrentUser, in context: ReviewContext) async throws -> Never {
        let results = try await context.store.read { tx in
            let access = try await ChangeAccess.load(number, user: user, in: tx)
            try access.requireMaintainer("submit")
            guard access.change.status.isOpen else { throw ReviewError.conflict("change is \(access.change.status.rawValue.lowercased())") }
            return try await requirements(for: access.change, in: tx)
        }
        let unmet = results.filter { $0.status == .unsatisfied || $0.status == .blocked }
        guard unmet.isEmpty else {
            throw ReviewError.conflict("submit requirements not met: " + unmet.map { "\($0.name): \($0.explanation)" }.joined(separator: "; "))
        }
        throw ReviewError.conflict("all submit requirements are met, but changes merge only through the gate, which is not running yet")
    }
}
