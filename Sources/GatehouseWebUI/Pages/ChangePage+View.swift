import GatehouseAPIModels

extension ChangePage {
    package static func render(_ model: Model) -> HTML {
        let change = model.change
        let title = "\(change.number): \(change.subject)"
        let body: HTML = """
            <p id="updated" class="notice warn" role="status" hidden>This change was updated. <a href="\(model.url)">Reload</a></p>
            <p class="muted">Change \(change.number) · <a href="\(SiteURL.project(change.project))">\(change.project)</a> · \(change.branch)\(topic(change))</p>
            <h1>\(change.subject) \(ChangeListPage.status(change))</h1>
            <div class="grid">
            <div>\(commitMessage(model))\(requirements(change))\(votes(change))</div>
            <div>\(metadata(model))\(gate(model))\(builds(model))\(actions(model))</div>
            </div>
            \(patchSets(model))
            \(DiffView.files(model))
            \(reviewForm(model))
            \(history(change))
            """
        return Layout.page(title: title, viewer: model.viewer, returnTo: model.url.path, live: "change:\(change.number)", body)
    }

    private static func topic(_ change: ChangeInfo) -> HTML {
        guard let topic = change.topic, !topic.isEmpty else { return "" }
        return " · topic <a href=\"\(SiteURL.search("topic:\"\(topic)\""))\">\(topic)</a>"
    }

    private static func commitMessage(_ model: Model) -> HTML {
        let message = model.revision?.info.commit?.message ?? model.change.subject
        return "<section class=\"box\"><h2>Commit message</h2><div class=\"body\"><pre class=\"message\">\(message)</pre></div></section>"
    }

    private static func requirements(_ change: ChangeInfo) -> HTML {
        let rows = (change.submitRequirements ?? []).map { requirement -> HTML in
            let badge: HTML =
                switch requirement.status {
                case "SATISFIED", "NOT_APPLICABLE", "OVERRIDDEN", "FORCED": Layout.badge("✓ met", "ok")
                default: Layout.badge("✗ missing", "bad")
                }
            return "<li>\(badge) <strong>\(requirement.name)</strong>: \(requirement.description)</li>"
        }
        let requirements = change.submitRequirements ?? []
        let ready = change.status == "NEW" && !requirements.isEmpty && requirements.allSatisfy { ["SATISFIED", "NOT_APPLICABLE", "OVERRIDDEN", "FORCED"].contains($0.status) }
        let verdict: HTML = ready ? "<p>\(Layout.badge("Ready", "ok")) Every requirement is met: the gate takes it from here.</p>" : ""
        return "<section class=\"box\"><h2>Submit requirements</h2><div class=\"body\">\(verdict)<ul>\(rows)</ul></div></section>"
    }

    private static func votes(_ change: ChangeInfo) -> HTML {
        let labels = (change.labels ?? [:]).sorted { $0.key < $1.key }
        let rows = labels.map { name, label -> HTML in
            let cast = (label.all ?? []).filter { ($0.value ?? 0) != 0 }.map { vote -> HTML in
                let value = vote.value ?? 0
                let tone = value > 0 ? "ok" : "bad"
                return "<span class=\"badge \(tone)\">\(value > 0 ? "+\(value)" : "−\(-value)")</span> \(vote.name ?? vote.username ?? "")"
            }
            return "<tr><th scope=\"row\">\(name)</th><td class=\"value\">\(HTML.join(cast, separator: "<br>"))</td></tr>"
        }
        return "<section class=\"box votes\"><h2>Votes</h2><table>\(rows)</table></section>"
    }

    private static func metadata(_ model: Model) -> HTML {
        let change = model.change
        func people(_ state: String) -> HTML {
            let names = (change.reviewers?[state] ?? []).map { HTML("\($0.name ?? $0.username ?? "")") }
            return names.isEmpty ? "<span class=\"muted\">none</span>" : HTML.join(names, separator: ", ")
        }
        let uploader = model.revision?.info.uploader
        let hashtags = change.hashtags.map { HTML("<a href=\"\(SiteURL.search("hashtag:\($0)"))\">#\($0)</a>") }
        return """
            <section class="box"><h2>Change</h2><div class="body"><dl class="meta">
            <dt>Owner</dt><dd>\(change.owner.name ?? change.owner.username ?? "")</dd>
            <dt>Uploader</dt><dd>\(uploader?.name ?? uploader?.username ?? "")</dd>
            <dt>Reviewers</dt><dd>\(people("REVIEWER"))</dd>
            <dt>CC</dt><dd>\(people("CC"))</dd>
            <dt>Hashtags</dt><dd>\(hashtags.isEmpty ? "<span class=\"muted\">none</span>" : HTML.join(hashtags, separator: " "))</dd>
            <dt>Change-Id</dt><dd><code>\(change.changeID)</code></dd>
            <dt>Updated</dt><dd>\(String(change.updated.prefix(19))) UTC</dd>
            <dt>Fetch</dt><dd><code>git fetch origin \(model.revision?.info.ref ?? "")</code></dd>
            </dl></div></section>
            """
    }

    private static func gate(_ model: Model) -> HTML {
        guard let gate = model.gate else { return "" }
        return "<section class=\"box\"><h2>Gate</h2><p class=\"body\">\(Layout.badge(gate.enqueued ? "in the gate" : "not queued", gate.enqueued ? "ok" : "neutral")) \(gate.text) <a href=\"\(SiteURL.status)\">status</a></p></section>"
    }

    private static func builds(_ model: Model) -> HTML {
        let shown = model.builds.filter { $0.patchSet == model.patchSet }.suffix(12)
        guard !shown.isEmpty else { return "" }
        let rows = shown.reversed().map { build -> HTML in
            "<tr><td>\(build.pipeline)</td><td>\(build.job)</td><td>\(result(build.result))</td><td><a href=\"\(SiteURL.build(build.id))\">log</a></td></tr>"
        }
        return "<section class=\"box\"><h2>Builds of patch set \(model.patchSet)</h2><table>\(rows)</table></section>"
    }

    static func result(_ result: String?) -> HTML {
        switch result {
        case nil: Layout.badge("running", "warn")
        case "SUCCESS": Layout.badge("✓ SUCCESS", "ok")
        case "RETRY", "ABORTED", "CANCELED": Layout.badge(result!, "neutral")
        case let other?: Layout.badge("✗ \(other)", "bad")
        }
    }

    /// Abandon or restore, and (on an open change) asking someone to review, the topic and hashtags.
    private static func actions(_ model: Model) -> HTML {
        guard let viewer = model.viewer else { return "" }
        let change = model.change
        let action = change.status == "NEW" ? "abandon" : change.status == "ABANDONED" ? "restore" : nil
        guard let action else { return "" }
        func url(_ name: String) -> SiteURL { .changeAction(project: change.project, number: change.number, action: name) }
        let edits: HTML =
            change.status == "NEW"
            ? """
                <form class="body" method="post" action="\(url("reviewers"))">\(viewer.csrfField)
                <label for="reviewer">Add reviewer</label> <input type="text" id="reviewer" name="account" placeholder="username or e-mail" required>
                <label><input type="checkbox" name="cc" value="true"> only CC</label> <button type="submit">Add</button></form>
                <form class="body" method="post" action="\(url("topic"))">\(viewer.csrfField)
                <label for="topic">Topic</label> <input type="text" id="topic" name="topic" value="\(change.topic ?? "")"> <button type="submit">Set</button></form>
                <form class="body" method="post" action="\(url("hashtags"))">\(viewer.csrfField)
                <label for="hashtags">Hashtags</label> <input type="text" id="hashtags" name="hashtags" value="\(change.hashtags.joined(separator: " "))"> <button type="submit">Set</button></form>
                """
            : .empty
        return """
            <section class="box"><h2>Actions</h2>\(edits)<form class="body" method="post" action="\(url(action))">
            \(viewer.csrfField)<button type="submit">\(action == "abandon" ? "Abandon" : "Restore")</button></form></section>
            """
    }

    private static func patchSets(_ model: Model) -> HTML {
        let count = model.patchSetCount
        let choices = (1...max(count, 1)).map { number -> HTML in
            "<option value=\"\(number)\"\(number == model.patchSet ? HTML(" selected") : "")>Patch set \(number)</option>"
        }
        let bases = [HTML("<option value=\"\"\(model.base == nil ? HTML(" selected") : "")>Parent</option>")]
            + (1...max(count, 1)).map { number -> HTML in
                "<option value=\"\(number)\"\(number == model.base ? HTML(" selected") : "")>Patch set \(number)</option>"
            }
        let change = model.change
        let toggle: SiteURL = .change(project: change.project, number: change.number, patchSet: model.patchSet, base: model.base)
        return """
            <form class="box" method="get" action="\(SiteURL.change(project: change.project, number: change.number))"><div class="body">
            <label for="base">Compare</label> <select id="base" name="base">\(bases)</select>
            <label for="ps">with</label> <select id="ps" name="ps">\(choices)</select>
            \(model.sideBySide ? HTML("<input type=\"hidden\" name=\"view\" value=\"side\">") : "")
            <button type="submit">Show diff</button>
            · <a href="\(toggle)\(toggle.path.contains("?") ? "&" : "?")view=\(model.sideBySide ? "unified" : "side")">\(model.sideBySide ? "Unified diff" : "Side-by-side diff")</a>
            </div></form>
            """
    }

    private static func reviewForm(_ model: Model) -> HTML {
        let change = model.change
        guard let viewer = model.viewer else {
            return "<p class=\"box body\"><a href=\"\(SiteURL.login(returnTo: model.url.path))\">Sign in</a> to review this change.</p>"
        }
        let permitted = (change.permittedLabels ?? [:]).sorted { $0.key < $1.key }
        let mine = Dictionary((change.labels ?? [:]).map { name, label in
            (name, label.all?.first { $0.username == viewer.username }?.value ?? 0)
        }, uniquingKeysWith: { $1 })
        let groups = permitted.map { label, values -> HTML in
            let options = values.map { value -> HTML in
                let shown = String(value.filter { $0 != " " })
                let number = Int(shown.hasPrefix("+") ? String(shown.dropFirst()) : shown) ?? 0
                let id = "vote-\(label)-\(number)"
                let checked: HTML = number == (mine[label] ?? 0) ? " checked" : ""
                return "<label for=\"\(id)\"><input type=\"radio\" id=\"\(id)\" name=\"label-\(label)\" value=\"\(number)\"\(checked)> \(shown)</label>"
            }
            return "<fieldset><legend>\(label)</legend>\(HTML.join(options, separator: " "))</fieldset>"
        }
        return """
            <form class="box" method="post" action="\(SiteURL.changeAction(project: change.project, number: change.number, action: "review"))">
            <h2>Reply\(groups.isEmpty ? "" : " and vote") on patch set \(model.patchSet)</h2><div class="body">
            \(viewer.csrfField)<input type="hidden" name="patchset" value="\(model.patchSet)">
            \(groups)
            <p><label for="message">Message</label><br><textarea id="message" name="message"></textarea></p>
            \(model.drafts.isEmpty ? HTML.empty : HTML("<p>\(Layout.badge("\(model.drafts.count) draft\(model.drafts.count == 1 ? "" : "s")", "neutral")) will be published with this reply.</p>"))
            <p><button type="submit" class="primary">Send</button></p>
            </div></form>
            """
    }

    private static func history(_ change: ChangeInfo) -> HTML {
        let items = (change.messages ?? []).map { message -> HTML in
            """
            <li class="comment"><strong>\(message.author?.name ?? message.author?.username ?? "Gatehouse")</strong>
            <span class="muted">\(String(message.date.prefix(16)))\(message.revisionNumber.map { HTML(" · patch set \($0)") } ?? "")</span>
            <pre class="message">\(HTML.linkified(message.message))</pre></li>
            """
        }
        return "<section class=\"box\"><h2>History</h2><ol class=\"body history\">\(items)</ol></section>"
    }
}
