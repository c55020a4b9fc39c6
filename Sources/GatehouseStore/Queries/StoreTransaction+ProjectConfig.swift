import Foundation
package import GatehouseCore
import SQLKit

extension StoreTransaction {
    /// The project's labels: its own definitions once an administrator changed them, the defaults before.
    package func labels(of project: ProjectName) async throws -> [LabelDefinition] {
        try await cached(\.labels, project) { try await loadLabels(of: project) }
    }

    private func loadLabels(of project: ProjectName) async throws -> [LabelDefinition] {
        let customized = try await sql.raw("SELECT labels_customized FROM projects WHERE name = \(bind: project.rawValue)")
            .first()?.decode(column: "labels_customized", as: Int.self) ?? 0
        guard customized != 0 else { return LabelDefinition.defaults(for: project) }
        let rows = try await sql.raw("SELECT definition FROM project_labels WHERE project = \(bind: project.rawValue) ORDER BY position")
            .all()
        return try rows.map { row in
            let text = try row.decode(column: "definition", as: String.self)
            do {
                return try JSONDecoder().decode(LabelDefinition.self, from: Data(text.utf8))
            } catch {
                throw StoreError.corrupt("label definition of \(project.rawValue): \(error)")
            }
        }
    }

    /// Replaces the project's labels (in order) with `labels`.
    package func setLabels(_ labels: [LabelDefinition], of project: ProjectName) async throws {
        try await sql.raw("DELETE FROM project_labels WHERE project = \(bind: project.rawValue)").run()
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        for (position, label) in labels.enumerated() {
            let json = String(decoding: try encoder.encode(label), as: UTF8.self)
            try await sql.raw("""
                INSERT INTO project_labels (project, position, name, definition)
                VALUES (\(bind: project.rawValue), \(bind: position), \(bind: label.name), \(bind: json))
                """).run()
        }
        try await sql.raw("UPDATE projects SET labels_customized = 1 WHERE name = \(bind: project.rawValue)").run()
    }

    package func submitRules(of project: ProjectName) async throws -> SubmitRules {
        try await cached(\.submitRules, project) {
            let count = try await sql.raw("SELECT required_code_review_approvals FROM projects WHERE name = \(bind: project.rawValue)")
                .first()?.decode(column: "required_code_review_approvals", as: Int.self)
            return SubmitRules(requiredCodeReviewApprovals: count ?? 1)
        }
    }

    package func setSubmitRules(_ rules: SubmitRules, of project: ProjectName) async throws {
        try await sql.raw("""
            UPDATE projects SET required_code_review_approvals = \(bind: rules.requiredCodeReviewApprovals) WHERE name = \(bind: project.rawValue)
            """).run()
    }
}

extension StoreTransaction {
    package func gateSettings(of project: ProjectName) async throws -> GateSettings {
        guard let row = try await sql.raw("SELECT merge_strategy, allow_network_jobs FROM projects WHERE name = \(bind: project.rawValue)").first()
        else { return GateSettings() }
        return GateSettings(
            mergeStrategy: MergeStrategy(rawValue: try row.decode(column: "merge_strategy", as: String.self)) ?? .mergeIfNecessary,
            allowNetworkJobs: try row.decode(column: "allow_network_jobs", as: Int.self) != 0
        )
    }

    package func setGateSettings(_ settings: GateSettings, of project: ProjectName) async throws {
        try await sql.raw("""
            UPDATE projects SET merge_strategy = \(bind: settings.mergeStrategy.rawValue), allow_network_jobs = \(bind: settings.allowNetworkJobs ? 1 : 0)
            WHERE name = \(bind: project.rawValue)
            """).run()
    }
}
