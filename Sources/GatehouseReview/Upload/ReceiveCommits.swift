import Foundation
import Logging
package import GatehouseCore
package import GatehouseGit
import GatehouseStore

/// Handles one push: turns commits sent to `refs/for/<branch>` into changes and patch sets, and refuses
/// everything else with a reason the pusher can act on.
///
/// The order of work is what makes a push safe. The pack is indexed into a quarantine and every commit is
/// checked before anything becomes visible. Only then are the objects moved into the repository, and the
/// database rows and `refs/changes/*` refs are written in one database transaction (the refs inside it, so a
/// failed ref update rolls the rows back). The report is sent after the commit, so "New Changes" means the
/// change survives a crash. A crash in between leaves at most unreferenced objects or a stale
/// `refs/changes` ref, which the next change of that number overwrites.
package struct ReceiveCommits: Sendable {
    package let context: ReviewContext
    package let project: Project
    package let pusher: Account

    /// The most commits one `refs/for` push may turn into changes and patch sets.
    package static let maxCommitsPerPush = 200

    package init(context: ReviewContext, project: Project, pusher: Account) {
        self.context = context
        self.project = project
        self.pusher = pusher
    }

    /// Processes `request`, whose pack (if any) was spooled to `packFile`.
    package func run(request: ReceivePackRequest, packFile: String?, maxPackBytes: Int) async -> ReceivePackReport {
        var report = ReceivePackReport()
        let repository = context.repository(for: project.name)
        let quarantine: ObjectQuarantine
        do {
            quarantine = try ObjectQuarantine(repository: repository)
        } catch {
            context.logger.error("cannot create quarantine in \(repository.path): \(error)")
            report.unpackError = "internal error"
            report.results = request.commands.map { ($0.refName, .rejected("internal server error")) }
            return report
        }
        defer { quarantine.discard() }
        // The refs a push is judged against are read while the pack is indexed: neither needs the other.
        async let currentRefs = repository.refs(under: ["refs/heads/", "refs/tags/"])
        if let packFile {
            do {
                try await quarantine.indexPack(from: packFile, maxInputSize: maxPackBytes)
            } catch {
                context.logger.notice("push to \(project.name) refused: index-pack failed: \(error)")
                report.unpackError = "index-pack failed"
                report.results = request.commands.map { ($0.refName, .rejected("unpacker error")) }
                return report
            }
        }
        let refs: [String: CommitID]
        do {
            refs = Dictionary(try await currentRefs.map { ($0.name, $0.commit) }, uniquingKeysWith: { first, _ in first })
        } catch {
            context.logger.error("cannot read refs of \(repository.path): \(error)")
            report.results = request.commands.map { ($0.refName, .rejected("internal server error")) }
            return report
        }
        var migrated = false
        var created: [UploadedChange] = []
        var updated: [UploadedChange] = []
        for command in request.commands {
            guard command.refName.hasPrefix("refs/for/") else {
                let refusal = Self.refusal(for: command.refName, exists: refs[command.refName] != nil, headBranch: project.headBranch)
                report.results.append((command.refName, .rejected(refusal)))
                continue
            }
            do {
                let target: ReviewPushTarget
                do {
                    guard let parsed = try ReviewPushTarget.parse(refName: command.refName, pushOptions: request.pushOptions) else {
                        throw UploadRejection("invalid ref \(command.refName)")
                    }
                    target = parsed
                } catch let error as ValidationError {
                    throw UploadRejection(error.message)
                }
                guard !command.isDelete else { throw UploadRejection("cannot delete a refs/for/ ref") }
                let uploads = try await validate(
                    command: command, target: target, tip: refs[target.branch.refName], repository: repository, quarantine: quarantine,
                    report: &report
                )
                if !migrated {
                    try quarantine.migrate()
                    migrated = true
                }
                let outcome = try await apply(uploads, target: target, repository: repository)
                for change in outcome { context.notifier.changed(change.number) }
                created += outcome.filter(\.isNew)
                updated += outcome.filter { !$0.isNew }
                report.results.append((command.refName, .ok))
            } catch let rejection as UploadRejection {
                report.results.append((command.refName, .rejected(rejection.reason)))
            } catch {
                context.logger.error("push to \(project.name) failed: \(error)")
                report.results.append((command.refName, .rejected("internal server error")))
            }
        }
        report.messages += summary(created: created, updated: updated)
        return report
    }

    /// Why a push to anything but `refs/for/*` is refused: nobody moves branches or tags by hand.
    static func refusal(for refName: String, exists: Bool, headBranch: BranchName) -> String {
        if refName.hasPrefix("refs/heads/") && exists {
            let branch = refName.dropFirst("refs/heads/".count)
            return "direct push to \(branch) is not allowed, not even for administrators: push to refs/for/\(branch) for review; branches move only through the gate"
        }
        if refName.hasPrefix("refs/tags/") {
            return "tags cannot be pushed: push changes to refs/for/\(headBranch.rawValue) for review"
        }
        if refName.hasPrefix("refs/heads/") {
            return "branches cannot be created by push: push changes to refs/for/\(headBranch.rawValue) for review"
        }
        if refName.hasPrefix("refs/changes/") {
            return "refs/changes/ is maintained by Gatehouse: push to refs/for/\(headBranch.rawValue) for review"
        }
        return "prohibited ref: push to refs/for/\(headBranch.rawValue) for review"
    }

    private func summary(created: [UploadedChange], updated: [UploadedChange]) -> [String] {
        var lines: [String] = []
        for (title, list) in [("New Changes:", created), ("Updated Changes:", updated)] where !list.isEmpty {
            lines += ["", title]
            lines += list.map { "  \(context.changeURL(project: project.name, number: $0.number)) \($0.subject)\($0.isWorkInProgress ? " [WIP]" : "")" }
        }
        if !lines.isEmpty { lines.append("") }
        return lines
    }
}

/// A refusal of one command, with the reason git shows in `! [remote rejected] … (reason)`.
struct UploadRejection: Error {
    let reason: String
    init(_ reason: String) { self.reason = reason }
}

/// What a push did to one change, for the summary the pusher reads.
struct UploadedChange: Sendable {
    let number: Change.Number
    let subject: String
    let isNew: Bool
    let isWorkInProgress: Bool
}
