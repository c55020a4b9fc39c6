import ArgumentParser
import Foundation
import GatehouseAPIModels
import GatehouseClient

/// Options every client command shares.
struct ClientOptions: ParsableArguments {
    @Flag(help: "Print the server's JSON instead of text.")
    var json = false

    func client() throws -> GatehouseClient {
        GatehouseClient(configuration: try ClientConfiguration.fromEnvironment())
    }
}

/// `gatehouse changes [QUERY]`: a table of matching changes.
struct Changes: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List changes matching a search (default: status:open).",
        discussion: "Reads GATEHOUSE_URL, GATEHOUSE_USER and GATEHOUSE_PASSWORD, or ~/.netrc."
    )

    @Argument(help: "A Gerrit search, e.g. 'status:open project:demo owner:self'.")
    var query: [String] = []

    @Option(name: .shortAndLong, help: "The most changes to list.")
    var limit = 25

    @OptionGroup var options: ClientOptions

    func run() async throws {
        let client = try options.client()
        let text = query.isEmpty ? "status:open" : query.joined(separator: " ")
        if options.json {
            say(String(decoding: try await client.raw("/changes/", query: [("q", text), ("n", "\(limit)"), ("o", "LABELS")]), as: UTF8.self))
            return
        }
        let changes = try await client.changes(query: text, limit: limit)
        guard !changes.isEmpty else {
            say("No changes match \(text).")
            return
        }
        for change in changes {
            let votes = ["Code-Review", "Verified", "Workflow"].map { label -> String in
                let info = change.labels?[label]
                let mark = info?.rejected != nil ? "-" : info?.approved != nil ? "+" : info?.disliked != nil ? "-" : info?.recommended != nil ? "+" : "."
                return "\(label.prefix(1))\(mark)"
            }.joined(separator: " ")
            let owner = change.owner.username ?? change.owner.name ?? "\(change.owner.accountID)"
            say("\(String(change.number).leftPadded(6))  \(change.status.padded(9)) \(votes)  \(change.project)/\(change.branch)  \(owner): \(change.subject)")
        }
        if changes.last?.moreChanges == true { say("(more changes match; use --limit)") }
    }
}

/// `gatehouse review <change> --code-review 2 --workflow 1 -m "…"`.
struct Review: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Vote and comment on the current patch set of a change.")

    @Argument(help: "The change: a number, project~number or Change-Id.")
    var change: String

    @Option(name: .customLong("code-review"), help: "Code-Review vote (-2..+2).")
    var codeReview: Int?

    @Option(help: "Verified vote (-1..+1).")
    var verified: Int?

    @Option(help: "Workflow vote (-1 work in progress, +1 approved).")
    var workflow: Int?

    @Option(name: .customLong("label"), help: "Any other label, as NAME=VALUE (repeatable).")
    var labels: [String] = []

    @Option(name: .shortAndLong, help: "A message for the change's conversation.")
    var message: String?

    @OptionGroup var options: ClientOptions

    func run() async throws {
        var votes: [String: Int] = [:]
        if let codeReview { votes["Code-Review"] = codeReview }
        if let verified { votes["Verified"] = verified }
        if let workflow { votes["Workflow"] = workflow }
        for label in labels {
            let parts = label.split(separator: "=", maxSplits: 1)
            guard parts.count == 2, let value = Int(parts[1].replacingOccurrences(of: "+", with: "")) else {
                throw ValidationError("--label takes NAME=VALUE, e.g. Code-Review=+2")
            }
            votes[String(parts[0])] = value
        }
        guard !votes.isEmpty || message != nil else { throw ValidationError("nothing to say: give a vote or -m MESSAGE") }
        let client = try options.client()
        let result = try await client.review(change, labels: votes, message: message)
        if options.json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            say(String(decoding: try encoder.encode(result), as: UTF8.self))
            return
        }
        let cast = result.labels.sorted { $0.key < $1.key }.map { "\($0.key)\($0.value > 0 ? "+" : "")\($0.value)" }
        say("Reviewed change \(change)" + (cast.isEmpty ? "" : ": " + cast.joined(separator: " ")))
        let detail = try await client.change(change)
        for requirement in detail.submitRequirements ?? [] {
            say("  \(requirement.status == "SATISFIED" ? "✓" : "✗") \(requirement.name): \(requirement.description)")
        }
    }
}

/// `gatehouse abandon <change>` and `gatehouse restore <change>`.
struct Abandon: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Abandon a change.")
    @Argument(help: "The change.") var change: String
    @Option(name: .shortAndLong, help: "Why.") var message: String?
    @OptionGroup var options: ClientOptions

    func run() async throws {
        let info = try await options.client().abandon(change, message: message)
        say(options.json ? try String(decoding: JSONEncoder().encode(info), as: UTF8.self) : "Abandoned change \(info.number): \(info.subject)")
    }
}

struct Restore: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Restore an abandoned change.")
    @Argument(help: "The change.") var change: String
    @Option(name: .shortAndLong, help: "Why.") var message: String?
    @OptionGroup var options: ClientOptions

    func run() async throws {
        let info = try await options.client().restore(change, message: message)
        say(options.json ? try String(decoding: JSONEncoder().encode(info), as: UTF8.self) : "Restored change \(info.number): \(info.subject)")
    }
}

extension String {
    func padded(_ width: Int) -> String { count >= width ? self : self + String(repeating: " ", count: width - count) }
    func leftPadded(_ width: Int) -> String { count >= width ? self : String(repeating: " ", count: width - count) + self }
}
