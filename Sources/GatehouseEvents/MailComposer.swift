package import GatehouseAPIModels
package import GatehouseCore

/// Turns an event of the log into the mail people read: which kind of mail it is, and its text.
///
/// Pure, so every mail's wording is tested without a server. Subjects stay the same for every mail about a
/// change (`Change in demo[main]: Say hello`) and every mail names the change's thread, so mail clients group
/// them; the footer repeats Gerrit's `Gerrit-MessageType:` lines (and `X-Gerrit-*` headers) that existing mail
/// filters match on.
package struct MailComposer: Sendable {
    /// `--mail-from`: the envelope sender and From address; the display name becomes the person who acted.
    package let sender: MailAddress
    package let baseURL: String

    package init(sender: MailAddress, baseURL: String) {
        self.sender = sender
        self.baseURL = baseURL
    }

    /// The kind of mail an event makes, or nil for events nobody is mailed about (builds, gate bookkeeping,
    /// topics: a gate failure is mailed as the gate account's review).
    package static func kind(of event: StreamEvent) -> MailKind? {
        switch EventType(rawValue: event.type) {
        case .patchSetCreated: event.patchSet?.number == 1 ? .newChange : .newPatchSet
        case .commentAdded: .comment
        case .changeMerged: .merged
        case .changeAbandoned: .abandoned
        case .changeRestored: .restored
        default: nil
        }
    }

    /// Who caused the event, as the event names them.
    package static func actor(of event: StreamEvent) -> AccountAttribute? {
        event.uploader ?? event.author ?? event.submitter ?? event.abandoner ?? event.restorer
    }

    /// The message for `recipients`; `comments` are the inline comments the review added.
    package func compose(
        _ event: StreamEvent, seq: Int, kind: MailKind, to recipients: [MailAddress], comments: [Comment] = [], date: Timestamp
    ) -> MailMessage? {
        guard let change = event.change else { return nil }
        let actor = Self.actor(of: event)
        let actorName = actor.map { $0.name ?? $0.username ?? "Someone" } ?? "Gatehouse"
        let patchSet = event.patchSet?.number
        let thread = "gatehouse.change-\(change.number).\(change.id)@\(sender.domain)"
        var text = "\(actorName) \(Self.headline(kind, event: event))\n\n  \(change.url)\n\n"
        text += "Change subject: \(change.subject)\n" + String(repeating: ".", count: 70) + "\n\n"
        switch kind {
        case .newChange, .newPatchSet:
            if let message = change.commitMessage { text += message.hasSuffix("\n") ? message : message + "\n" }
        case .comment:
            if let comment = event.comment, !comment.isEmpty { text += comment + "\n" }
            text += Self.inline(comments)
        case .merged:
            if let commit = event.newRev { text += "Merged into \(change.branch) as \(commit), the commit its jobs tested.\n" }
        case .abandoned, .restored:
            if let reason = event.reason, !reason.isEmpty { text += reason + "\n" }
        }
        text += "\n-- \nTo view, visit \(change.url)\n"
        text += "To choose which mails you get, PUT {\"email_strategy\": \"ENABLED\", \"OWN_CHANGES\" or \"DISABLED\"} to "
            + "\(baseURL)/a/accounts/self/preferences\n\n"
        var footers = [
            ("MessageType", kind.rawValue), ("Project", change.project), ("Branch", change.branch), ("Change-Id", change.id),
            ("Change-Number", String(change.number)),
        ]
        if let patchSet { footers.append(("PatchSet", String(patchSet))) }
        if let owner = change.owner { footers.append(("Owner", Self.person(owner))) }
        text += footers.map { "Gerrit-\($0.0): \($0.1)\n" }.joined()

        var headers = [("X-Gerrit-MessageType", kind.rawValue), ("X-Gerrit-Change-Id", change.id), ("X-Gerrit-Change-Number", String(change.number))]
        if let patchSet { headers.append(("X-Gerrit-PatchSet", String(patchSet))) }
        if let commit = event.patchSet?.revision { headers.append(("X-Gerrit-Commit", commit)) }
        headers.append(("X-Gatehouse-Project", change.project))
        let from = (try? MailAddress(name: "\(actorName) (Gatehouse)", address: sender.address)) ?? sender
        return MailMessage(
            from: from, to: recipients, subject: "Change in \(change.project)[\(change.branch)]: \(change.subject)",
            messageID: kind == .newChange ? thread : "gatehouse.change-\(change.number).event-\(seq)@\(sender.domain)",
            threadID: thread, date: date, headers: headers, body: text)
    }

    private static func headline(_ kind: MailKind, event: StreamEvent) -> String {
        switch kind {
        case .newChange: "has uploaded this change for review."
        case .newPatchSet: "has uploaded a new patch set (#\(event.patchSet?.number ?? 0))."
        case .comment: "has posted comments on this change."
        case .merged: "has merged this change."
        case .abandoned: "has abandoned this change."
        case .restored: "has restored this change."
        }
    }

    /// Inline comments grouped by file, in line order, the way Gerrit's mails list them.
    private static func inline(_ comments: [Comment]) -> String {
        let files = Dictionary(grouping: comments, by: \.path)
        return files.keys.sorted().map { path in
            let title = path == "/COMMIT_MSG" ? "Commit Message" : "File \(path)"
            let entries = files[path]!.sorted { ($0.line ?? 0, $0.createdAt) < ($1.line ?? 0, $1.createdAt) }.map { comment in
                let place = comment.line.map { "Line \($0)" } ?? "File comment"
                let side = comment.side == .parent ? " (base)" : ""
                let body = comment.message.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "\n  ")
                return "PS\(comment.patchSet), \(place)\(side):\n  \(body)\n"
            }
            return "\n\(title):\n\n" + entries.joined(separator: "\n")
        }.joined()
    }

    private static func person(_ account: AccountAttribute) -> String {
        let name = account.name ?? account.username ?? "unknown"
        return account.email.map { "\(name) <\($0)>" } ?? name
    }
}
