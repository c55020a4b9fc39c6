import Foundation
import GatehouseAPIModels
import GatehouseCore
import GatehouseReview
import GatehouseStore
import GatehouseWebUI
import Hummingbird

extension WebRoutes {
    /// Diffs larger than this many changed lines are shown as a placeholder, not rendered.
    static let largeFileLines = 5_000
    /// The whole page's budget of changed lines; files past it get a placeholder too.
    static let pageLines = 20_000

    func changePage(project: String, number: Int, patchSet: Int?, query: QueryParameters, user: CurrentUser, viewer: Viewer?) async throws -> Response {
        let info = try await context.store.read { [context] tx in
            let access = try await ChangeAccess.load(number, user: user, in: tx)
            guard access.project.name.rawValue == project else { throw HTTPFailure.notFound("Change \(number) is not in project \(project)") }
            let options: Set<ChangeOption> = [.detailedLabels, .allRevisions, .allCommits, .messages, .submitRequirements]
            return try await ChangeInfoFormatter(context: context, options: options, user: user).format([(access.change, access.project)], in: tx)[0]
        }
        let shown = patchSet ?? info.currentRevisionNumber ?? 1
        let base = try query["base"].flatMap { $0.isEmpty ? nil : $0 }.map { text -> Int in
            guard let n = Int(text), n > 0, n != shown else { throw HTTPFailure.badRequest("\"\(text)\" is not a patch set to compare with") }
            return n
        }
        let revisions = RevisionRoutes(context: context)
        let (change, projectRow, _, commit) = try await revisions.resolve(number, revision: String(shown), user: user)
        let repository = context.repository(for: projectRow.name)
        let fileMap = try await revisions.files(commit: commit, base: base.map(String.init), change: change, repository: repository)
        let paths = fileMap.keys.sorted { ($0.hasPrefix("/") ? 0 : 1, $0) < ($1.hasPrefix("/") ? 0 : 1, $1) }
        var files: [ChangePage.File] = []
        var budget = Self.pageLines
        for path in paths {
            let file = fileMap[path]!
            let lines = (file.linesInserted ?? 0) + (file.linesDeleted ?? 0)
            if file.binary == true {
                files.append(.init(path: path, info: file, diff: nil, placeholder: "Binary file (\(file.size) bytes): not shown."))
            } else if lines > Self.largeFileLines || lines > budget {
                files.append(.init(path: path, info: file, diff: nil, placeholder: "Large diff (\(lines) changed lines): not shown here. Fetch the change to read it."))
            } else {
                budget -= lines
                let diff = try await revisions.diffInfo(path, commit: commit, base: base.map(String.init), change: change, repository: repository, context: 10)
                files.append(.init(path: path, info: file, diff: diff, placeholder: nil))
            }
        }
        func flattened(_ map: [String: [CommentInfo]]) -> [CommentInfo] {
            map.flatMap { path, list in
                list.map { comment in
                    var comment = comment
                    comment.path = path
                    return comment
                }
            }
        }
        let comments = flattened(try await revisions.commentMap(number, patchSet: shown, user: user))
        let drafts = viewer == nil ? [] : flattened(try await revisions.draftMap(number, patchSet: shown, user: user))
        let builds = try await gate.builds(of: number, user: user)
        let summary = try? await gateSummary(info, user: user)
        let target: ChangePage.CommentTarget? =
            if let path = query["comment"], let line = query["line"].flatMap({ Int($0) }), line > 0, viewer != nil, fileMap[path] != nil {
                ChangePage.CommentTarget(path: path, line: line, parentSide: query["side"] == "PARENT")
            } else {
                nil
            }
        let model = ChangePage.Model(
            change: info, patchSet: shown, base: base, sideBySide: query["view"] == "side", files: files, comments: comments, drafts: drafts,
            builds: builds,
            gate: summary, commentTarget: target, viewer: viewer)
        return WebResponse.page(ChangePage.render(model))
    }

    /// Where an open change stands: its place in a gate queue, or what it still misses.
    private func gateSummary(_ change: ChangeInfo, user: CurrentUser) async throws -> ChangePage.GateSummary? {
        guard change.status == "NEW" else { return nil }
        let status = try await gate.status(for: user)
        for queue in status.queues {
            if let item = queue.items.first(where: { $0.change == change.number }) {
                let eta = item.etaSeconds.map { ", ETA \(StatusPage.seconds($0))" } ?? ""
                let waiting = item.position > queue.window ? ", waiting for the window (\(queue.window))" : ""
                let base = item.buildsOn.isEmpty ? "on the tip of \(queue.branch)" : "on top of \(item.buildsOn)"
                return .init(enqueued: true, text: "Position \(item.position) of \(queue.items.count) in \(queue.project) \(queue.branch), tested \(base)\(waiting)\(eta).")
            }
        }
        if let waiting = status.notEnqueued.first(where: { $0.change == change.number }) {
            return .init(enqueued: false, text: "Approved but not queued: \(waiting.missing.joined(separator: "; ")).")
        }
        let missing = (change.submitRequirements ?? []).filter { $0.status == "UNSATISFIED" }.map(\.description)
        return missing.isEmpty ? nil : .init(enqueued: false, text: "Not in the gate yet: \(missing.joined(separator: "; ")).")
    }

    /// The change page's forms: `review` (votes and a message, publishing the viewer's drafts), `comment` (saves
    /// an inline comment or a reply as a draft), `discard` (a draft), `reviewers`, `topic`, `hashtags`, `abandon`,
    /// `restore`. Each answers with a redirect back to the page;
    /// the use cases check who may do what, as for the REST API.
    func changeAction(_ action: String, project: String, number: Int, form: QueryParameters, user: CurrentUser) async throws -> Response {
        let change = try await context.store.read { tx in
            let access = try await ChangeAccess.load(number, user: user, in: tx)
            guard access.project.name.rawValue == project else { throw HTTPFailure.notFound("Change \(number) is not in project \(project)") }
            return access.change
        }
        let patchSet = form["patchset"].flatMap { Int($0) } ?? change.currentPatchSet
        let back = SiteURL.change(project: project, number: number, patchSet: patchSet == change.currentPatchSet ? nil : patchSet).path
        switch action {
        case "review":
            let account = try user.requireAccount()
            let current = try await context.store.read { tx in try await tx.votes(change: number, patchSet: patchSet) }
                .filter { $0.accountID == account.id }
            var labels: [String: Int] = [:]
            for (key, value) in form.pairs where key.hasPrefix("label-") {
                guard let number = Int(value) else { throw HTTPFailure.badRequest("\"\(value)\" is not a vote") }
                let label = String(key.dropFirst(6))
                if number != (current.first { $0.label == label }?.value ?? 0) { labels[label] = number }
            }
            let message = form["message"].flatMap { $0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? nil : $0 }
            let drafts = try await CommentDrafts(context: context, user: user).list(change: number, patchSet: patchSet)
            guard !labels.isEmpty || message != nil || !drafts.isEmpty else { return WebResponse.redirect(back) }
            _ = try await PostReview(message: message, labels: labels, publishDrafts: true).run(change: number, patchSet: patchSet, by: user, in: context)
        case "comment":
            guard let path = form["path"], let text = form["message"], !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
                throw HTTPFailure.badRequest("a comment needs a file and a message")
            }
            let line = form["line"].flatMap { Int($0) }.flatMap { $0 > 0 ? $0 : nil }
            let comment = PostReview.CommentInput(
                path: path, side: form["side"] == "PARENT" ? .parent : .revision, line: line, range: nil,
                inReplyTo: form["in_reply_to"].flatMap { $0.isEmpty ? nil : $0 }, message: text, isUnresolved: form["resolved"] != "true")
            _ = try await CommentDrafts(context: context, user: user).save(comment, change: number, patchSet: patchSet)
        case "discard":
            guard let id = form["draft"], !id.isEmpty else { throw HTTPFailure.badRequest("which draft?") }
            try await CommentDrafts(context: context, user: user).discard(id, change: number)
        case "reviewers":
            let account = (form["account"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            guard !account.isEmpty else { throw HTTPFailure.badRequest("name the account to add: a username or an e-mail address") }
            _ = try await ChangeAttributes(context: context, user: user).addReviewer(number, account: account, state: form["cc"] == "true" ? .cc : .reviewer)
        case "topic":
            let topic = (form["topic"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            _ = try await ChangeAttributes(context: context, user: user).setTopic(number, to: topic.isEmpty ? nil : topic)
        case "hashtags":
            let wanted = Set((form["hashtags"] ?? "").split(whereSeparator: { $0 == " " || $0 == "," }).map { String($0.drop { $0 == "#" }) }.filter { !$0.isEmpty })
            let current = Set(change.hashtags)
            _ = try await ChangeAttributes(context: context, user: user)
                .editHashtags(number, add: wanted.subtracting(current).sorted(), remove: current.subtracting(wanted).sorted())
        case "abandon":
            _ = try await ChangeLifecycle.abandon(number, message: nil, by: user, in: context)
        case "restore":
            _ = try await ChangeLifecycle.restore(number, message: nil, by: user, in: context)
        default:
            throw HTTPFailure.notFound("No such action")
        }
        return WebResponse.redirect(back)
    }
}
