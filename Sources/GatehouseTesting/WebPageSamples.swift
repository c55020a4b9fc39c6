package import GatehouseAPIModels
package import GatehouseWebUI

/// Page models with made-up content, for the web UI's tests and its render benchmark: a change with any
/// number of files and diff lines (every text field can carry a hostile string), and a busy gate.
package enum WebPageSamples {
    /// A change whose every user-supplied text is `text` (`\(text)` inside longer strings), with `files` files of
    /// `linesPerFile` diff lines each (a quarter deleted, a quarter their replacements, half added), inline
    /// comments and votes.
    package static func change(text: String = "Say hello", files: Int = 3, linesPerFile: Int = 20, viewer: Viewer? = nil) -> ChangePage.Model {
        let person = AccountInfo(accountID: 1_000_001, name: "Alice \(text)", email: "alice@example.com", username: "alice")
        let reviewer = AccountInfo(accountID: 1_000_002, name: "Bob \(text)", email: "bob@example.com", username: "bob")
        var change = ChangeInfo(
            id: "demo~7", tripletID: "demo~main~I0123", project: "demo", branch: "main", topic: "topic \(text)", hashtags: ["tag\(text)"],
            changeID: "I0123456789abcdef0123456789abcdef01234567", subject: "Subject \(text)", status: "NEW", created: "2026-12-06 10:00:00.000000000",
            updated: "2026-12-06 11:00:00.000000000", number: 7, owner: person)
        change.currentRevisionNumber = 2
        change.revisions = [
            String(repeating: "a", count: 40): RevisionInfo(
                kind: "REWORK", number: 2, created: "2026-12-06 11:00:00.000000000", uploader: person, ref: "refs/changes/07/7/2", fetch: [:],
                commit: CommitInfo(
                    commit: nil, parents: [], author: GitPersonInfo(name: "Alice", email: "alice@example.com", date: "", tz: 0),
                    committer: GitPersonInfo(name: "Alice", email: "alice@example.com", date: "", tz: 0), subject: "Subject \(text)",
                    message: "Subject \(text)\n\nBody \(text)\n\nChange-Id: I0123\n")),
            String(repeating: "b", count: 40): RevisionInfo(
                kind: "REWORK", number: 1, created: "2026-12-06 10:00:00.000000000", uploader: person, ref: "refs/changes/07/7/1", fetch: [:], commit: nil),
        ]
        var review = LabelInfo()
        review.all = [ApprovalInfo(account: reviewer, value: 2, date: nil, tag: nil, permittedVotingRange: nil)]
        review.approved = reviewer
        change.labels = ["Code-Review": review, "Verified": LabelInfo(), "Workflow": LabelInfo()]
        change.permittedLabels = ["Code-Review": ["-2", "-1", " 0", "+1", "+2"], "Workflow": ["-1", " 0", "+1"]]
        change.reviewers = ["REVIEWER": [reviewer], "CC": [AccountInfo(accountID: 1_000_003, name: "Carol \(text)", username: "carol")]]
        change.submitRequirements = [
            SubmitRequirementResultInfo(name: "Code-Review", description: "Code-Review +2 from \(text)", status: "SATISFIED", expression: "", fulfilled: true),
            SubmitRequirementResultInfo(name: "Verified", description: "needs Verified +1 \(text)", status: "UNSATISFIED", expression: "", fulfilled: false),
        ]
        change.messages = [ChangeMessageInfo(id: "m1", author: reviewer, date: "2026-12-06 11:00:00.000000000", message: "Patch Set 2: Code-Review+2\n\n\(text)", tag: nil, revisionNumber: 2)]
        var fileModels: [ChangePage.File] = []
        var comments: [CommentInfo] = []
        for index in 0..<files {
            let path = "src/\(text)/file\(index).swift"
            let quarter = max(1, linesPerFile / 4)
            let old = (0..<quarter).map { "    let value\($0) = compute(\($0)) // \(text)" }
            let new = (0..<quarter).map { "    let value\($0) = computeFaster(\($0)) // \(text)" }
            let added = (0..<max(0, linesPerFile - 2 * quarter - 2)).map { "    print(\"line \($0) \(text)\")" }
            let diff = DiffInfo(
                metaA: nil, metaB: nil, changeType: "MODIFIED", diffHeader: [],
                content: [
                    .init(ab: nil, a: nil, b: nil, skip: 40), .init(ab: ["func f() {"], a: nil, b: nil, skip: nil), .init(ab: nil, a: old, b: new, skip: nil),
                    .init(ab: nil, a: nil, b: added, skip: nil), .init(ab: ["}"], a: nil, b: nil, skip: nil),
                ], binary: nil)
            let info = FileInfo(status: nil, binary: nil, oldPath: nil, linesInserted: new.count + added.count, linesDeleted: old.count, sizeDelta: 10, size: 100)
            fileModels.append(.init(path: path, info: info, diff: diff, placeholder: nil))
            comments.append(CommentInfo(
                id: "c\(index)", path: path, side: nil, parent: nil, line: 42, range: nil, inReplyTo: nil, message: "Comment \(text)",
                updated: "2026-12-06 11:00:00.000000000", author: reviewer, patchSet: 2, unresolved: true, changeMessageID: nil, commitID: nil, tag: nil))
        }
        fileModels.append(.init(
            path: "logo \(text).png", info: FileInfo(status: "A", binary: true, oldPath: nil, linesInserted: nil, linesDeleted: nil, sizeDelta: 2048, size: 2048),
            diff: nil, placeholder: "Binary file (2048 bytes): not shown."))
        let builds = [BuildInfo(
            id: 5, pipeline: "check", job: "unit \(text)", patchSet: 2, attempt: 1, result: "FAILURE", commit: String(repeating: "c", count: 40), changes: "7,2",
            start: "2026-12-06 11:00:00.000000000", end: nil, logURL: "/logs/5/")]
        return ChangePage.Model(
            change: change, patchSet: 2, base: nil, sideBySide: false, files: fileModels, comments: comments,
            drafts: viewer == nil ? [] : [CommentInfo(
                id: "d1", path: "src/\(text)/file0.swift", side: nil, parent: nil, line: 42, range: nil, inReplyTo: "c0", message: "Draft \(text)",
                updated: "2026-12-06 11:30:00.000000000", author: person, patchSet: 2, unresolved: false, changeMessageID: nil, commitID: nil, tag: nil)],
            builds: builds, gate: .init(enqueued: false, text: "Not in the gate yet: \(text)."),
            commentTarget: viewer == nil ? nil : .init(path: "src/\(text)/file0.swift", line: 42, parentSide: false), viewer: viewer)
    }

    /// A gate with `items` queued changes (the first `window` building, the rest waiting), each with two jobs.
    package static func status(items: Int = 40, window: Int = 20, text: String = "Add feature") -> GateStatusInfo {
        let list = (1...max(items, 1)).map { position in
            GateItemInfo(
                position: position, change: 100 + position, patchSet: 1, id: "demo~\(100 + position)", subject: "\(text) \(position)",
                buildsOn: (1..<position).suffix(5).map { "\(100 + $0),1" }.joined(separator: " "), state: position <= window ? "running" : "waiting",
                failure: position == 3 ? "job unit failed \(text)" : nil, commit: nil, enqueuedAt: "2026-12-06 11:00:00.000000000",
                etaSeconds: Double(position * 30),
                jobs: [
                    GateJobInfo(name: "unit", state: "running", attempt: 1, buildID: position * 2, elapsedSeconds: 12, etaSeconds: 18),
                    GateJobInfo(name: "lint \(text)", state: "success", attempt: 1, buildID: position * 2 + 1, elapsedSeconds: 4, etaSeconds: nil),
                ])
        }
        return GateStatusInfo(
            queues: [GateQueueInfo(project: "demo", branch: "main", window: window, items: list)],
            check: [CheckItemInfo(project: "demo", change: 99, patchSet: 2, jobs: [GateJobInfo(name: "unit", state: "queued")])],
            notEnqueued: [NotEnqueuedInfo(project: "demo", branch: "main", change: 98, patchSet: 1, subject: "Stuck \(text)", missing: ["needs Verified +1"])])
    }
}
