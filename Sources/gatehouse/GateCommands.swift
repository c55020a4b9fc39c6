import ArgumentParser
import Foundation
import GatehouseAPIModels
import GatehouseClient

/// `gatehouse gate …`: what the gate is doing, for people.
struct Gate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show the gate: its queues, running checks, and why approved changes are not queued.",
        subcommands: [GateStatus.self, Builds.self],
        defaultSubcommand: GateStatus.self
    )
}

/// `gatehouse gate status [PROJECT]`.
struct GateStatus: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status", abstract: "Every gate queue with its window, items, jobs and ETAs.",
        discussion: "Reads GATEHOUSE_URL, GATEHOUSE_USER and GATEHOUSE_PASSWORD, or ~/.netrc.")

    @Argument(help: "Only this project.")
    var project: String?

    @OptionGroup var options: ClientOptions

    func run() async throws {
        let client = try options.client()
        if options.json {
            say(String(decoding: try await client.raw("/api/gate/status"), as: UTF8.self))
            return
        }
        let status = try await client.gateStatus()
        let queues = status.queues.filter { project == nil || $0.project == project }
        let checks = status.check.filter { project == nil || $0.project == project }
        let outside = status.notEnqueued.filter { project == nil || $0.project == project }
        say(GateStatusText.render(queues: queues, checks: checks, outside: outside))
    }
}

/// `gatehouse gate builds <change>`.
struct Builds: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Every build of a change: pipeline, job, result, tested commit, log.")

    @Argument(help: "The change number.")
    var change: Int

    @OptionGroup var options: ClientOptions

    func run() async throws {
        let client = try options.client()
        if options.json {
            say(String(decoding: try await client.raw("/api/changes/\(change)/builds"), as: UTF8.self))
            return
        }
        let builds = try await client.builds(change: change)
        guard !builds.isEmpty else { return say("No builds for change \(change).") }
        for build in builds {
            let commit = build.commit.map { String($0.prefix(10)) } ?? "-"
            say("\(String(build.id).leftPadded(6))  \(build.pipeline.padded(6)) \(build.job.padded(16)) \((build.result ?? "RUNNING").padded(15)) "
                + "\(commit)  [\(build.changes)]  \(build.logURL)")
        }
    }
}

/// The text `gatehouse gate status` prints: one block per queue, Zuul's status page in a terminal.
enum GateStatusText {
    static func render(queues: [GateQueueInfo], checks: [CheckItemInfo], outside: [NotEnqueuedInfo]) -> String {
        var lines: [String] = []
        if queues.isEmpty { lines.append("The gate is empty.") }
        for queue in queues {
            lines.append("gate \(queue.project) \(queue.branch)  (window \(queue.window), \(queue.items.count) queued)")
            for item in queue.items {
                let on = item.buildsOn.isEmpty ? "on the tip" : "on \(item.buildsOn)"
                let eta = item.etaSeconds.map { String(format: ", ETA %.0f s", $0) } ?? ""
                lines.append("  \(item.position). \(item.id) \(item.state) \(on)\(eta)  \(item.subject)")
                if let failure = item.failure { lines.append("       failing: \(failure)") }
                for job in item.jobs { lines.append("       " + jobLine(job)) }
            }
        }
        if !checks.isEmpty {
            lines.append("check")
            for check in checks {
                lines.append("  \(check.change),\(check.patchSet) \(check.project)")
                for job in check.jobs { lines.append("       " + jobLine(job)) }
            }
        }
        if !outside.isEmpty {
            lines.append("approved but not in the gate")
            for change in outside {
                lines.append("  \(change.change),\(change.patchSet) \(change.project)/\(change.branch)  \(change.subject)")
                for reason in change.missing { lines.append("       \(reason)") }
            }
        }
        return lines.joined(separator: "\n")
    }

    private static func jobLine(_ job: GateJobInfo) -> String {
        var text = "\(job.name.padded(16)) \(job.state)"
        if let attempt = job.attempt, attempt > 1 { text += " (attempt \(attempt))" }
        if let elapsed = job.elapsedSeconds { text += String(format: " %.0f s", elapsed) }
        if let eta = job.etaSeconds { text += String(format: ", ~%.0f s left", eta) }
        if let url = job.logURL { text += "  \(url)" }
        return text
    }
}
