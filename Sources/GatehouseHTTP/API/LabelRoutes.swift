import GatehouseAPIModels
import GatehouseCore
import GatehouseReview
import GatehouseStore
import Hummingbird

/// `/projects/{project}/labels/…`, `/projects/{project}/submit_rules` and `/projects/{project}/gate`: a project's
/// voting rules and how the gate lands its changes.
struct LabelRoutes {
    let context: ReviewContext

    func handle(_ api: inout APIRequest, project: Project, rest: [String]) async throws -> Response {
        let rules = ProjectRules(context: context, user: api.user)
        switch (api.method, rest.count, rest.first) {
        case (.get, 1, "labels"):
            let labels = try await context.store.read { try await $0.labels(of: project.name) }
            return try GerritResponse.json(labels.map { Self.info($0, project: project.name) })
        case (.get, 2, "labels"):
            let labels = try await context.store.read { try await $0.labels(of: project.name) }
            guard let label = labels.first(where: { $0.name.lowercased() == rest[1].lowercased() }) else {
                throw ReviewError.notFound("Not found: label \(rest[1])")
            }
            return try GerritResponse.json(Self.info(label, project: project.name))
        case (.put, 2, "labels"):
            let input = try await api.request.decodeJSON(LabelDefinitionInput.self)
            let existing = try await context.store.read { try await $0.labels(of: project.name) }.first { $0.name.lowercased() == rest[1].lowercased() }
            let label = try Self.definition(name: existing?.name ?? rest[1], input: input, existing: existing)
            let saved = try await rules.setLabel(label, in: project.name)
            return try GerritResponse.json(Self.info(saved, project: project.name), status: existing == nil ? .created : .ok)
        case (.delete, 2, "labels"):
            try await rules.deleteLabel(rest[1], in: project.name)
            return GerritResponse.noContent()
        case (.get, 1, "submit_rules"):
            let current = try await context.store.read { try await $0.submitRules(of: project.name) }
            return try GerritResponse.json(SubmitRulesInfo(codeReviewApprovals: current.requiredCodeReviewApprovals))
        case (.put, 1, "submit_rules"):
            let input = try await api.request.decodeJSON(SubmitRulesInfo.self)
            try await rules.setSubmitRules(SubmitRules(requiredCodeReviewApprovals: input.codeReviewApprovals), in: project.name)
            return try GerritResponse.json(input)
        case (.get, 1, "gate"):
            let current = try await context.store.read { try await $0.gateSettings(of: project.name) }
            return try GerritResponse.json(Self.info(current))
        case (.put, 1, "gate"):
            let input = try await api.request.decodeJSON(GateSettingsInfo.self)
            var settings = try await context.store.read { try await $0.gateSettings(of: project.name) }
            if let name = input.mergeStrategy {
                guard let strategy = MergeStrategy(rawValue: name.uppercased()) else {
                    let known = MergeStrategy.allCases.map(\.rawValue).joined(separator: ", ")
                    throw HTTPFailure.badRequest("unknown merge strategy \"\(name)\" (expected \(known))")
                }
                settings.mergeStrategy = strategy
            }
            if let allow = input.allowNetworkJobs { settings.allowNetworkJobs = allow }
            try await rules.setGateSettings(settings, in: project.name)
            return try GerritResponse.json(Self.info(settings))
        default:
            throw HTTPFailure.notFound()
        }
    }

    static func info(_ settings: GateSettings) -> GateSettingsInfo {
        GateSettingsInfo(mergeStrategy: settings.mergeStrategy.rawValue, allowNetworkJobs: settings.allowNetworkJobs)
    }

    static func info(_ label: LabelDefinition, project: ProjectName) -> LabelDefinitionInfo {
        LabelDefinitionInfo(
            name: label.name, projectName: project.rawValue,
            values: Dictionary(uniqueKeysWithValues: label.values.map { (LabelDefinition.formatValue($0.key), $0.value) }),
            defaultValue: label.defaultValue, copyOn: label.copyOn.map(\.rawValue).sorted(), stickyMinimum: label.stickyMinimum,
            permissions: label.permissions.map { permission in
                let group =
                    switch permission.principal {
                    case .group(let name): name
                    case .registeredUsers: "Registered Users"
                    case .changeOwner: "Change Owner"
                    }
                return LabelPermissionInfo(group: group, min: permission.min, max: permission.max)
            }
        )
    }

    static func definition(name: String, input: LabelDefinitionInput, existing: LabelDefinition?) throws -> LabelDefinition {
        var values = existing?.values ?? [:]
        if let given = input.values {
            values = [:]
            for (key, description) in given {
                guard let value = LabelDefinition.parseValue(key) else { throw HTTPFailure.badRequest("invalid value \"\(key)\"") }
                values[value] = description
            }
        }
        var copyOn = existing?.copyOn ?? []
        if let given = input.copyOn {
            copyOn = Set(try given.map { text in
                guard let kind = PatchSetKind(rawValue: text.uppercased()) else { throw HTTPFailure.badRequest("unknown patch set kind \"\(text)\"") }
                return kind
            })
        }
        let permissions = input.permissions.map { list in
            list.map { info -> LabelPermission in
                let principal: LabelPrincipal =
                    switch info.group {
                    case "Registered Users": .registeredUsers
                    case "Change Owner": .changeOwner
                    default: .group(info.group)
                    }
                return LabelPermission(principal: principal, min: info.min, max: info.max)
            }
        } ?? existing?.permissions ?? []
        return LabelDefinition(
            name: name, values: values, defaultValue: input.defaultValue ?? existing?.defaultValue ?? 0, permissions: permissions,
            copyOn: copyOn, stickyMinimum: input.stickyMinimum ?? existing?.stickyMinimum ?? false
        )
    }
}
