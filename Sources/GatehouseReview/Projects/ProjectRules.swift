package import GatehouseCore
import GatehouseStore

/// An administrator's changes to a project's labels and submit rules.
///
/// The first change to any label turns the project's defaults into stored definitions; from then on the
/// project's labels are exactly what is stored.
package struct ProjectRules: Sendable {
    package let context: ReviewContext
    package let user: CurrentUser

    package init(context: ReviewContext, user: CurrentUser) {
        self.context = context
        self.user = user
    }

    /// Creates or replaces one label, validated before anything is written.
    package func setLabel(_ label: LabelDefinition, in project: ProjectName) async throws -> LabelDefinition {
        try user.requireAdministrator()
        do { try label.validate() } catch { throw ReviewError.badRequest(error.message) }
        try await context.store.write { [user] tx in
            guard let found = try await tx.project(named: project), user.canRead(found) else {
                throw ReviewError.notFound("Project Not Found: \(project.rawValue)")
            }
            var labels = try await tx.labels(of: project)
            if let index = labels.firstIndex(where: { $0.name.lowercased() == label.name.lowercased() }) {
                labels[index] = label
            } else {
                labels.append(label)
            }
            try await tx.setLabels(labels, of: project)
        }
        return label
    }

    package func deleteLabel(_ name: String, in project: ProjectName) async throws {
        try user.requireAdministrator()
        try await context.store.write { tx in
            var labels = try await tx.labels(of: project)
            guard let index = labels.firstIndex(where: { $0.name.lowercased() == name.lowercased() }) else {
                throw ReviewError.notFound("Not found: label \(name)")
            }
            labels.remove(at: index)
            try await tx.setLabels(labels, of: project)
        }
    }

    package func setSubmitRules(_ rules: SubmitRules, in project: ProjectName) async throws {
        try user.requireAdministrator()
        do { try rules.validate() } catch { throw ReviewError.badRequest(error.message) }
        try await context.store.write { tx in
            guard try await tx.project(named: project) != nil else { throw ReviewError.notFound("Project Not Found: \(project.rawValue)") }
            try await tx.setSubmitRules(rules, of: project)
        }
    }

    /// Changes how the gate lands the project's changes; builds already queued keep the strategy they were
    /// prepared with, and the next build set of each item uses the new one.
    package func setGateSettings(_ settings: GateSettings, in project: ProjectName) async throws {
        try user.requireAdministrator()
        try await context.store.write { tx in
            guard try await tx.project(named: project) != nil else { throw ReviewError.notFound("Project Not Found: \(project.rawValue)") }
            try await tx.setGateSettings(settings, of: project)
        }
    }
}
