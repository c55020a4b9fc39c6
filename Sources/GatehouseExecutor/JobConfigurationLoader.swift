package import GatehouseCore
import Yams

/// Reads a project's `.gatehouse.yaml`:
///
/// ```yaml
/// jobs:
///   - name: unit
///     run:                 # one command, or a list run in order by one shell
///       - make test
///     timeout: 20m         # 90s, 20m, 1h, 1h30m, or seconds; default 30m, at most 24h
///     network: false       # true only where the project allows networked jobs
/// pipelines:
///   check: [unit]          # every patch set, voting Verified
///   gate: [unit]           # approved changes, on top of the queue ahead
/// ```
///
/// The file comes from a change anyone may upload, so it is parsed strictly: an unknown key, a wrong type or an
/// undefined job is refused with its line and column rather than guessed at, because a typo that silently drops
/// a gate job would let untested code land.
package enum JobConfigurationLoader {
    package static let fileName = ".gatehouse.yaml"
    /// Far above any real configuration; bounds the parser's work on a hostile file.
    package static let sizeLimit = 256 << 10
    package static let longestTimeoutSeconds = 24 * 3600

    package static func parse(bytes: [UInt8], allowNetwork: Bool) throws(JobConfigurationError) -> JobConfiguration {
        guard bytes.count <= sizeLimit else {
            throw JobConfigurationError(line: nil, message: "the file is \(bytes.count) bytes; the limit is \(sizeLimit >> 10) KiB")
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw JobConfigurationError(line: nil, message: "the file is not valid UTF-8")
        }
        return try parse(text, allowNetwork: allowNetwork)
    }

    package static func parse(_ text: String, allowNetwork: Bool) throws(JobConfigurationError) -> JobConfiguration {
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw Self.error(error)
        } catch {
            throw JobConfigurationError(line: nil, message: "\(error)")
        }
        guard let root else { throw JobConfigurationError(line: nil, message: "the file is empty; it needs a jobs list") }
        let top = try mapping(root, "the file", keys: ["jobs", "pipelines"])
        var configuration = JobConfiguration()
        if let jobs = top["jobs"] {
            guard case .sequence(let list) = jobs.node else { throw problem(jobs.node, "jobs must be a list of jobs") }
            for node in list {
                let job = try self.job(node, allowNetwork: allowNetwork)
                if configuration.jobs.contains(where: { $0.name == job.name }) {
                    throw problem(node, "job \"\(job.name)\" is defined twice")
                }
                configuration.jobs.append(job)
            }
        }
        if let pipelines = top["pipelines"] {
            let entries = try mapping(pipelines.node, "pipelines", keys: PipelineName.allCases.map(\.rawValue))
            for pipeline in PipelineName.allCases {
                guard let entry = entries[pipeline.rawValue] else { continue }
                let names = try strings(entry.node, "pipeline \(pipeline)")
                for name in names where !configuration.jobs.contains(where: { $0.name == name.value }) {
                    throw problem(name.node, "pipeline \(pipeline) runs job \"\(name.value)\", which is not defined")
                }
                configuration.pipelines[pipeline] = names.map(\.value)
            }
        }
        return configuration
    }

    private static func job(_ node: Node, allowNetwork: Bool) throws(JobConfigurationError) -> JobDefinition {
        let fields = try mapping(node, "a job", keys: ["name", "run", "timeout", "network"])
        guard let nameField = fields["name"] else { throw problem(node, "a job needs a name") }
        let name = try scalar(nameField.node, "name")
        guard !name.isEmpty, name.utf8.count <= 100,
              name.unicodeScalars.allSatisfy({ $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "._-".unicodeScalars.contains($0)) })
        else {
            throw problem(nameField.node, "job name \"\(name)\" may use only letters, digits, '.', '_' and '-' (at most 100)")
        }
        guard let run = fields["run"] else { throw problem(node, "job \"\(name)\" needs run: the commands it runs") }
        let commands: [String]
        if case .scalar = run.node {
            commands = [try scalar(run.node, "run")]
        } else {
            commands = try strings(run.node, "run of job \"\(name)\"").map(\.value)
        }
        if commands.isEmpty || commands.allSatisfy({ $0.allSatisfy(\.isWhitespace) }) {
            throw problem(run.node, "job \"\(name)\" runs no command")
        }
        var timeout = JobDefinition.defaultTimeoutSeconds
        if let field = fields["timeout"] {
            let text = try scalar(field.node, "timeout")
            guard let seconds = seconds(text), seconds > 0 else {
                throw problem(field.node, "timeout \"\(text)\" is not a duration (write 90s, 20m, 1h or 1h30m)")
            }
            guard seconds <= longestTimeoutSeconds else {
                throw problem(field.node, "timeout \"\(text)\" is longer than the limit of 24h")
            }
            timeout = seconds
        }
        var network = false
        if let field = fields["network"] {
            guard case .scalar = field.node, let value = field.node.bool else {
                throw problem(field.node, "network must be true or false")
            }
            if value, !allowNetwork {
                throw problem(field.node, "job \"\(name)\" asks for network access, which this project does not allow")
            }
            network = value
        }
        return JobDefinition(name: name, commands: commands, timeoutSeconds: timeout, network: network)
    }

    /// `90s`, `20m`, `1h`, `1h30m`, `1h30m15s`, or a bare number of seconds.
    static func seconds(_ text: String) -> Int? {
        if let plain = Int(text) { return plain }
        var total = 0
        var number = ""
        var lastUnit = Int.max
        for character in text {
            if character.isASCII, character.isNumber {
                number.append(character)
                continue
            }
            let unit: Int
            switch character {
            case "h": unit = 3600
            case "m": unit = 60
            case "s": unit = 1
            default: return nil
            }
            // Each unit once, largest first: "30m1h" is more likely a mistake than a duration.
            guard let value = Int(number), unit < lastUnit, value <= longestTimeoutSeconds else { return nil }
            total += value * unit
            lastUnit = unit
            number = ""
        }
        return number.isEmpty && lastUnit != .max ? total : nil
    }

    // MARK: Reading nodes

    private struct Field {
        let key: Node
        let node: Node
    }

    /// A mapping whose keys are all in `keys`, each once.
    private static func mapping(_ node: Node, _ what: String, keys: [String]) throws(JobConfigurationError) -> [String: Field] {
        guard case .mapping(let mapping) = node else {
            throw problem(node, "\(what) must be a mapping of \(keys.joined(separator: ", "))")
        }
        var fields: [String: Field] = [:]
        for (key, value) in mapping {
            let name = try scalar(key, "a key")
            guard keys.contains(name) else {
                throw problem(key, "unknown key \"\(name)\" in \(what) (expected \(keys.joined(separator: ", ")))")
            }
            guard fields[name] == nil else { throw problem(key, "key \"\(name)\" appears twice in \(what)") }
            fields[name] = Field(key: key, node: value)
        }
        return fields
    }

    private static func scalar(_ node: Node, _ what: String) throws(JobConfigurationError) -> String {
        guard case .scalar(let scalar) = node else { throw problem(node, "\(what) must be a single value") }
        return scalar.string
    }

    private static func strings(_ node: Node, _ what: String) throws(JobConfigurationError) -> [(value: String, node: Node)] {
        guard case .sequence(let sequence) = node else { throw problem(node, "\(what) must be a list") }
        var values: [(value: String, node: Node)] = []
        for item in sequence {
            values.append((try scalar(item, "each entry of \(what)"), item))
        }
        return values
    }

    private static func problem(_ node: Node, _ message: String) -> JobConfigurationError {
        JobConfigurationError(line: node.mark?.line, column: node.mark?.column, message: message)
    }

    private static func error(_ error: YamlError) -> JobConfigurationError {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _), .composer(_, let problem, let mark, _):
            JobConfigurationError(line: mark.line, column: mark.column, message: "not valid YAML: \(problem)")
        case .duplicatedKeysInMapping(let duplicates, let context):
            JobConfigurationError(
                line: context.mark.line, column: context.mark.column,
                message: "key \(duplicates.sorted().map { "\"\($0)\"" }.joined(separator: ", ")) appears twice"
            )
        default:
            JobConfigurationError(line: nil, message: "not valid YAML: \(error)")
        }
    }
}
