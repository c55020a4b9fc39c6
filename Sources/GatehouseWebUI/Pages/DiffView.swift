import GatehouseAPIModels

/// The change page's file list and diffs: unified or side by side, with intraline highlighting, inline
/// comment threads in place, and the new-comment form at the line the viewer chose.
///
/// Commenting works without script: each line number links to the same page with the form open at that line.
enum DiffView {
    /// One displayed line of a diff, with its numbers on the old (a) and new (b) side.
    enum Row {
        case common(a: Int, b: Int, text: String)
        case deleted(a: Int, html: HTML)
        case added(b: Int, html: HTML)
        /// A deleted and an added line shown side by side (only in side-by-side view).
        case replaced(a: Int, old: HTML, b: Int, new: HTML)
        case skipped(Int)
    }

    static func files(_ model: ChangePage.Model) -> HTML {
        let rows = model.files.enumerated().map { index, file -> HTML in
            let info = file.info
            let status: HTML =
                switch info.status {
                case "A": Layout.badge("added", "ok")
                case "D": Layout.badge("deleted", "bad")
                case "R": Layout.badge("renamed", "neutral")
                case "C": Layout.badge("copied", "neutral")
                default: ""
                }
            let stats: HTML = info.binary == true ? "binary" : "+\(info.linesInserted ?? 0) −\(info.linesDeleted ?? 0)"
            return "<tr><td><a href=\"#file-\(index)\">\(displayName(file.path))</a> \(status)</td><td class=\"stat\">\(stats)</td></tr>"
        }
        let byFile = Dictionary(grouping: model.comments, by: { $0.path ?? "" })
        let draftsByFile = Dictionary(grouping: model.drafts, by: { $0.path ?? "" })
        let diffs = model.files.enumerated().map { index, file in
            fileSection(file, index: index, comments: byFile[file.path] ?? [], drafts: draftsByFile[file.path] ?? [], model: model)
        }
        return """
            <section class="box filelist"><h2>Files (\(model.files.count))</h2><table>\(rows)</table></section>
            \(diffs)
            """
    }

    static func displayName(_ path: String) -> String {
        path == "/COMMIT_MSG" ? "Commit message" : path
    }

    private static func fileSection(_ file: ChangePage.File, index: Int, comments: [CommentInfo], drafts: [CommentInfo], model: ChangePage.Model) -> HTML {
        let header: HTML = "<h2 id=\"file-\(index)\">\(displayName(file.path))\(file.info.oldPath.map { HTML(" <span class=\"muted\">(from \($0))</span>") } ?? "")</h2>"
        guard let diff = file.diff else {
            return "<section class=\"box\">\(header)<p class=\"placeholder\">\(file.placeholder ?? "No diff to show.")</p></section>"
        }
        let rows = rows(diff, pairLines: model.sideBySide)
        let threads = Dictionary(grouping: comments, by: { ThreadKey(parentSide: $0.side == "PARENT", line: $0.line ?? 0) })
        let draftThreads = Dictionary(grouping: drafts, by: { ThreadKey(parentSide: $0.side == "PARENT", line: $0.line ?? 0) })
        let fileKey = ThreadKey(parentSide: false, line: 0)
        let fileLevel = threads[fileKey] != nil || draftThreads[fileKey] != nil
            ? thread(threads[fileKey] ?? [], drafts: draftThreads[fileKey] ?? [], model: model, path: file.path) : HTML.empty
        let columns = 4
        var body = HTML.empty
        let commentLink = model.viewer.map { _ -> (revision: HTML, parent: HTML) in
            func prefix(_ side: String?) -> HTML {
                let url = SiteURL.commentForm(
                    project: model.change.project, number: model.change.number, patchSet: model.patchSet, path: file.path, line: 0, side: side)
                return "\(String(url.path.dropLast("0#new-comment".count)))"
            }
            return (prefix(nil), prefix("PARENT"))
        }
        for row in rows {
            body += render(row, sideBySide: model.sideBySide, commentLink: commentLink, model: model)
            for key in keys(of: row) {
                if key.line > 0, threads[key] != nil || draftThreads[key] != nil {
                    let html = thread(threads[key] ?? [], drafts: draftThreads[key] ?? [], model: model, path: file.path)
                    body += "<tr class=\"comments\"><td colspan=\"\(columns)\">\(html)</td></tr>"
                }
                if let target = model.commentTarget, target.path == file.path, target.line == key.line, target.parentSide == key.parentSide {
                    body += "<tr class=\"comments\"><td colspan=\"\(columns)\">\(newCommentForm(target, model: model))</td></tr>"
                }
            }
        }
        return """
            <section class="box">\(header)\(fileLevel)<div class="scroll"><table class="diff">
            <caption class="visually-hidden">\(model.sideBySide ? "Side-by-side" : "Unified") diff of \(displayName(file.path))</caption>
            \(model.sideBySide ? HTML("<colgroup><col class=\"n\"><col><col class=\"n\"><col></colgroup>") : HTML("<colgroup><col class=\"n\"><col class=\"n\"><col class=\"s\"><col></colgroup>"))
            \(body)</table></div></section>
            """
    }

    struct ThreadKey: Hashable {
        let parentSide: Bool
        let line: Int
    }

    /// The comment positions a row shows: the new side's line, and the old side's when diffing against the parent.
    private static func keys(of row: Row) -> [ThreadKey] {
        switch row {
        case .common(let a, let b, _): [ThreadKey(parentSide: true, line: a), ThreadKey(parentSide: false, line: b)]
        case .deleted(let a, _): [ThreadKey(parentSide: true, line: a)]
        case .added(let b, _): [ThreadKey(parentSide: false, line: b)]
        case .replaced(let a, _, let b, _): [ThreadKey(parentSide: true, line: a), ThreadKey(parentSide: false, line: b)]
        case .skipped: []
        }
    }

    /// Walks Gerrit's chunks (`ab` common, `a` deleted, `b` added, `skip`) into numbered rows.
    static func rows(_ diff: DiffInfo, pairLines: Bool) -> [Row] {
        var rows: [Row] = []
        var a = 1
        var b = 1
        for chunk in diff.content {
            if let skip = chunk.skip {
                rows.append(.skipped(skip))
                a += skip
                b += skip
            }
            for line in chunk.ab ?? [] {
                rows.append(.common(a: a, b: b, text: line))
                a += 1
                b += 1
            }
            let old = chunk.a ?? []
            let new = chunk.b ?? []
            let paired = min(old.count, new.count)
            var oldHTML = old.map { HTML("\($0)") }
            var newHTML = new.map { HTML("\($0)") }
            for index in 0..<paired {
                (oldHTML[index], newHTML[index]) = intraline(old[index], new[index])
            }
            if pairLines {
                for index in 0..<max(old.count, new.count) {
                    switch (index < old.count, index < new.count) {
                    case (true, true): rows.append(.replaced(a: a + index, old: oldHTML[index], b: b + index, new: newHTML[index]))
                    case (true, false): rows.append(.deleted(a: a + index, html: oldHTML[index]))
                    default: rows.append(.added(b: b + index, html: newHTML[index]))
                    }
                }
            } else {
                for (index, html) in oldHTML.enumerated() { rows.append(.deleted(a: a + index, html: html)) }
                for (index, html) in newHTML.enumerated() { rows.append(.added(b: b + index, html: html)) }
            }
            a += old.count
            b += new.count
        }
        return rows
    }

    /// Marks what changed inside a replaced line: the common start and end stay plain, the middle is
    /// `<del>` on the old side and `<ins>` on the new. Long lines are left whole (the cost is quadratic nowhere,
    /// but a minified file's one-megabyte line is not worth the walk).
    static func intraline(_ old: String, _ new: String) -> (HTML, HTML) {
        let a = Array(old)
        let b = Array(new)
        guard a.count + b.count <= 4000, !a.isEmpty, !b.isEmpty else { return ("\(old)", "\(new)") }
        var prefix = 0
        while prefix < a.count, prefix < b.count, a[prefix] == b[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < a.count - prefix, suffix < b.count - prefix, a[a.count - 1 - suffix] == b[b.count - 1 - suffix] { suffix += 1 }
        let start = String(a[..<prefix])
        let end = String(a[(a.count - suffix)...])
        let oldMiddle = String(a[prefix..<(a.count - suffix)])
        let newMiddle = String(b[prefix..<(b.count - suffix)])
        let oldHTML: HTML = oldMiddle.isEmpty ? "\(old)" : "\(start)<del>\(oldMiddle)</del>\(end)"
        let newHTML: HTML = newMiddle.isEmpty ? "\(new)" : "\(start)<ins>\(newMiddle)</ins>\(end)"
        return (oldHTML, newHTML)
    }

    /// A line number; for a signed-in viewer a link that opens the comment form at that line. `commentLink` is the
    /// file's link without the line, built once per file (a large diff has thousands of these).
    private static func number(_ line: Int, parentSide: Bool, commentLink: (revision: HTML, parent: HTML)?, model: ChangePage.Model) -> HTML {
        // Only the parent's lines can take PARENT comments; against another patch set the old side is read-only.
        guard let commentLink, !(parentSide && model.base != nil) else { return "\(line)" }
        return "<a href=\"\(parentSide ? commentLink.parent : commentLink.revision)\(line)#new-comment\" title=\"Comment on line \(line)\">\(line)</a>"
    }

    private static func render(_ row: Row, sideBySide: Bool, commentLink: (revision: HTML, parent: HTML)?, model: ChangePage.Model) -> HTML {
        func num(_ line: Int, _ parent: Bool) -> HTML { number(line, parentSide: parent, commentLink: commentLink, model: model) }
        if sideBySide {
            switch row {
            case .common(let a, let b, let text):
                return "<tr><td class=\"num\">\(num(a, true))</td><td class=\"code\">\(text)</td><td class=\"num\">\(num(b, false))</td><td class=\"code\">\(text)</td></tr>"
            case .deleted(let a, let html):
                return "<tr><td class=\"num\">\(num(a, true))</td><td class=\"code del\"><span class=\"visually-hidden\">deleted: </span>\(html)</td><td class=\"num\"></td><td class=\"code\"></td></tr>"
            case .added(let b, let html):
                return "<tr><td class=\"num\"></td><td class=\"code\"></td><td class=\"num\">\(num(b, false))</td><td class=\"code add\"><span class=\"visually-hidden\">added: </span>\(html)</td></tr>"
            case .replaced(let a, let old, let b, let new):
                return "<tr><td class=\"num\">\(num(a, true))</td><td class=\"code del\"><span class=\"visually-hidden\">deleted: </span>\(old)</td><td class=\"num\">\(num(b, false))</td><td class=\"code add\"><span class=\"visually-hidden\">added: </span>\(new)</td></tr>"
            case .skipped(let count):
                return "<tr class=\"skip\"><td colspan=\"4\">… \(count) unchanged lines …</td></tr>"
            }
        }
        switch row {
        case .common(let a, let b, let text):
            return "<tr><td class=\"num\">\(num(a, true))</td><td class=\"num\">\(num(b, false))</td><td class=\"sign\"> </td><td class=\"code\">\(text)</td></tr>"
        case .deleted(let a, let html):
            return "<tr class=\"del\"><td class=\"num\">\(num(a, true))</td><td class=\"num\"></td><td class=\"sign\" aria-label=\"deleted\">−</td><td class=\"code\">\(html)</td></tr>"
        case .added(let b, let html):
            return "<tr class=\"add\"><td class=\"num\"></td><td class=\"num\">\(num(b, false))</td><td class=\"sign\" aria-label=\"added\">+</td><td class=\"code\">\(html)</td></tr>"
        case .replaced(let a, let old, let b, let new):
            return render(.deleted(a: a, html: old), sideBySide: false, commentLink: commentLink, model: model)
                + render(.added(b: b, html: new), sideBySide: false, commentLink: commentLink, model: model)
        case .skipped(let count):
            return "<tr class=\"skip\"><td colspan=\"4\">… \(count) unchanged lines …</td></tr>"
        }
    }

    /// A thread: the comments in order, the viewer's drafts on it (each with a Discard button), and for a signed-in
    /// viewer a reply form, which saves a draft that can resolve the thread.
    static func thread(_ comments: [CommentInfo], drafts: [CommentInfo] = [], model: ChangePage.Model, path: String) -> HTML {
        let ordered = comments.sorted { $0.updated < $1.updated }
        let items = ordered.map { comment -> HTML in
            let state: HTML = comment.unresolved ? " \(Layout.badge("unresolved", "warn"))" : ""
            return """
                <div class="comment\(comment.unresolved ? " unresolved" : "")"><strong>\(comment.author.name ?? comment.author.username ?? "")</strong>
                <span class="muted">PS\(comment.patchSet) · \(String(comment.updated.prefix(16)))</span>\(state)
                <pre class="message">\(comment.message)</pre></div>
                """
        }
        guard let viewer = model.viewer else { return HTML.join(items) }
        let action = { (name: String) in SiteURL.changeAction(project: model.change.project, number: model.change.number, action: name) }
        let pending = drafts.sorted { $0.updated < $1.updated }.map { draft -> HTML in
            """
            <div class="comment draft"><strong>\(Layout.badge("Draft", "neutral")) \(viewer.displayName)</strong>
            <span class="muted">\(draft.unresolved ? "unresolved" : "resolves the thread") · published with your next reply</span>
            <pre class="message">\(draft.message)</pre>
            <form method="post" action="\(action("discard"))" class="inline">\(viewer.csrfField)<input type="hidden" name="draft" value="\(draft.id)">
            <input type="hidden" name="patchset" value="\(model.patchSet)"><button type="submit" class="link">Discard</button></form></div>
            """
        }
        guard let last = ordered.last else { return HTML.join(items + pending) }
        let form: HTML = """
            <details><summary>Reply</summary>
            <form method="post" action="\(action("comment"))">
            \(viewer.csrfField)<input type="hidden" name="patchset" value="\(model.patchSet)"><input type="hidden" name="path" value="\(path)">
            <input type="hidden" name="line" value="\(last.line ?? 0)"><input type="hidden" name="side" value="\(last.side ?? "REVISION")">
            <input type="hidden" name="in_reply_to" value="\(last.id)">
            <label class="visually-hidden" for="reply-\(last.id)">Reply</label><textarea id="reply-\(last.id)" name="message" required></textarea>
            <label><input type="checkbox" name="resolved" value="true"\(last.unresolved ? "" : HTML(" checked"))> Resolved</label>
            <button type="submit">Save draft</button></form></details>
            """
        return HTML.join(items + pending) + form
    }

    private static func newCommentForm(_ target: ChangePage.CommentTarget, model: ChangePage.Model) -> HTML {
        guard let viewer = model.viewer else { return "" }
        return """
            <form id="new-comment" method="post" action="\(SiteURL.changeAction(project: model.change.project, number: model.change.number, action: "comment"))">
            \(viewer.csrfField)<input type="hidden" name="patchset" value="\(model.patchSet)"><input type="hidden" name="path" value="\(target.path)">
            <input type="hidden" name="line" value="\(target.line)"><input type="hidden" name="side" value="\(target.parentSide ? "PARENT" : "REVISION")">
            <label for="comment-text">Comment on line \(target.line) of \(displayName(target.path))</label>
            <textarea id="comment-text" name="message" required autofocus></textarea>
            <label><input type="checkbox" name="resolved" value="true"> Resolved</label>
            <button type="submit" class="primary">Save draft</button>
            <a href="\(model.url)">Cancel</a></form>
            """
    }
}
