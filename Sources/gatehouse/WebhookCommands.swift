import ArgumentParser
import Foundation
import GatehouseAPIModels
import GatehouseClient

/// `gatehouse webhook …`: a project's webhooks and their delivery log (administrators).
struct WebhookCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "webhook", abstract: "Add, list and remove a project's webhooks; read and redo their deliveries.",
        discussion: "Reads GATEHOUSE_URL, GATEHOUSE_USER and GATEHOUSE_PASSWORD, or ~/.netrc. Administrators only.",
        subcommands: [WebhookAdd.self, WebhookList.self, WebhookDelete.self, WebhookDeliveries.self, WebhookRedeliver.self],
        defaultSubcommand: WebhookList.self
    )
}

/// `gatehouse webhook add PROJECT URL [--secret S] [--event TYPE …]`.
struct WebhookAdd: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add", abstract: "POST the project's events to URL, signed with a secret (X-Gatehouse-Signature: sha256=…).")

    @Argument var project: String
    @Argument var url: String

    @Option(help: "The HMAC secret (default: $GATEHOUSE_WEBHOOK_SECRET, or a generated one printed once).")
    var secret: String?

    @Option(name: .customLong("event"), help: "Only this event type (repeatable), e.g. change-merged; default: every event.")
    var events: [String] = []

    @OptionGroup var options: ClientOptions

    func run() async throws {
        let given = secret ?? ProcessInfo.processInfo.environment["GATEHOUSE_WEBHOOK_SECRET"].flatMap { $0.isEmpty ? nil : $0 }
        let chosen = given ?? (0..<32).map { _ in String(format: "%02x", UInt8.random(in: 0...255)) }.joined()
        let hook = try await options.client().addWebhook(
            project: project, WebhookInput(url: url, secret: chosen, events: events.isEmpty ? nil : events))
        if options.json { return say(String(decoding: try JSONEncoder().encode(hook), as: UTF8.self)) }
        say("Added webhook \(hook.id) for \(hook.project): \(hook.url) (\(hook.events.isEmpty ? "every event" : hook.events.joined(separator: ", ")))")
        if given == nil { say("Secret (shown once): \(chosen)") }
    }
}

/// `gatehouse webhook list PROJECT`.
struct WebhookList: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "The project's webhooks.")

    @Argument var project: String
    @OptionGroup var options: ClientOptions

    func run() async throws {
        let client = try options.client()
        if options.json { return say(String(decoding: try await client.raw(GatehouseClient.webhooksPath(project)), as: UTF8.self)) }
        let hooks = try await client.webhooks(project: project)
        guard !hooks.isEmpty else { return say("No webhooks for \(project).") }
        for hook in hooks {
            say("\(String(hook.id).leftPadded(5))  \(hook.url)  \(hook.events.isEmpty ? "every event" : hook.events.joined(separator: ","))")
        }
    }
}

/// `gatehouse webhook delete PROJECT ID`.
struct WebhookDelete: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "delete", abstract: "Remove a webhook and its delivery log.")

    @Argument var project: String
    @Argument var id: Int
    @OptionGroup var options: ClientOptions

    func run() async throws {
        try await options.client().deleteWebhook(project: project, id: id)
        say("Deleted webhook \(id) of \(project).")
    }
}

/// `gatehouse webhook deliveries PROJECT ID`.
struct WebhookDeliveries: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "deliveries", abstract: "A webhook's delivery log, newest first.")

    @Argument var project: String
    @Argument var id: Int

    @Option(name: .shortAndLong, help: "The most deliveries to list.")
    var limit = 25

    @OptionGroup var options: ClientOptions

    func run() async throws {
        let client = try options.client()
        if options.json {
            return say(String(decoding: try await client.raw(GatehouseClient.webhooksPath(project) + "/\(id)/deliveries", query: [("n", "\(limit)")]), as: UTF8.self))
        }
        let log = try await client.deliveries(project: project, webhook: id, limit: limit)
        guard !log.isEmpty else { return say("Webhook \(id) has delivered nothing yet.") }
        for delivery in log {
            let answer = delivery.lastStatus.map { "HTTP \($0)" } ?? delivery.lastError.map { "no answer: \($0.prefix(60))" } ?? "not tried yet"
            let next = delivery.nextAttempt.map { ", next try \($0.prefix(19))" } ?? ""
            say("\(String(delivery.id).leftPadded(6))  event \(delivery.event) \((delivery.eventType ?? "?").padded(18)) "
                + "\(delivery.state.padded(9)) \(delivery.attempts) attempt\(delivery.attempts == 1 ? "" : "s"), \(answer)\(next)")
        }
    }
}

/// `gatehouse webhook redeliver PROJECT ID DELIVERY`.
struct WebhookRedeliver: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "redeliver", abstract: "Send a delivery's event again.")

    @Argument var project: String
    @Argument var id: Int
    @Argument var delivery: Int
    @OptionGroup var options: ClientOptions

    func run() async throws {
        let again = try await options.client().redeliver(project: project, webhook: id, delivery: delivery)
        say("Queued event \(again.event) again as delivery \(again.id).")
    }
}
