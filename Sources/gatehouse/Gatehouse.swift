import ArgumentParser

/// The `gatehouse` command: the server, and (as they land) the clients for review and the gate.
@main
struct Gatehouse: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gatehouse",
        abstract: "Code review with an automated gated trunk.",
        subcommands: [Serve.self, Changes.self, Review.self, Abandon.self, Restore.self, Gate.self, WebhookCommand.self]
    )
}
