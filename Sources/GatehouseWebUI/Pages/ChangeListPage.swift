package import GatehouseAPIModels

/// The dashboard and search results: titled tables of changes with their status and votes at a glance.
package enum ChangeListPage {
    package struct Section: Sendable {
        package let title: String
        package let changes: [ChangeInfo]
        package let empty: String

        package init(title: String, changes: [ChangeInfo], empty: String) {
            self.title = title
            self.changes = changes
            self.empty = empty
        }
    }

    package static func render(
        title: String, query: String = "", intro: HTML = .empty, sections: [Section], error: String? = nil, viewer: Viewer?, returnTo: String
    ) -> HTML {
        let notice: HTML = error.map { "<p class=\"notice bad\" role=\"alert\">\($0)</p>" } ?? ""
        let tables = sections.map { section -> HTML in
            guard !section.changes.isEmpty else {
                return "<section class=\"box\"><h2>\(section.title)</h2><p class=\"body muted\">\(section.empty)</p></section>"
            }
            return """
                <section class="box"><h2>\(section.title)</h2><div class="scroll"><table>
                <thead><tr><th scope="col">#</th><th scope="col">Subject</th><th scope="col">Status</th><th scope="col">Owner</th>
                <th scope="col">Project</th><th scope="col">Branch</th><th scope="col">Updated</th><th scope="col">CR</th><th scope="col">V</th><th scope="col">W</th></tr></thead>
                <tbody>\(section.changes.map(row))</tbody></table></div></section>
                """
        }
        return Layout.page(title: title, viewer: viewer, query: query, returnTo: returnTo, "<h1>\(title)</h1>\(notice)\(intro)\(tables)")
    }

    static func row(_ change: ChangeInfo) -> HTML {
        let link = SiteURL.change(project: change.project, number: change.number)
        return """
            <tr><td><a href="\(link)">\(change.number)</a></td><td><a href="\(link)">\(change.subject)</a></td>
            <td>\(status(change))</td><td>\(change.owner.name ?? change.owner.username ?? "")</td><td>\(change.project)</td>
            <td>\(change.branch)</td><td class="muted">\(String(change.updated.prefix(16)))</td>
            <td>\(summary(change.labels?["Code-Review"]))</td><td>\(summary(change.labels?["Verified"]))</td><td>\(summary(change.labels?["Workflow"]))</td></tr>
            """
    }

    static func status(_ change: ChangeInfo) -> HTML {
        switch change.status {
        case "MERGED": Layout.badge("Merged", "ok")
        case "ABANDONED": Layout.badge("Abandoned", "neutral")
        default: change.workInProgress == true ? Layout.badge("WIP", "warn") : Layout.badge("Open", "neutral")
        }
    }

    /// A label's strongest vote as Gerrit's list shows it: ✓ approved, ✗ rejected, +1 / −1 otherwise.
    static func summary(_ label: LabelInfo?) -> HTML {
        guard let label else { return "" }
        if let who = label.rejected { return "<span class=\"badge bad\" title=\"rejected by \(who.name ?? "")\">✗ rejected</span>" }
        if let who = label.approved { return "<span class=\"badge ok\" title=\"approved by \(who.name ?? "")\">✓ approved</span>" }
        if let who = label.disliked { return "<span class=\"badge warn\" title=\"\(who.name ?? "")\">−1</span>" }
        if let who = label.recommended { return "<span class=\"badge ok\" title=\"\(who.name ?? "")\">+1</span>" }
        return ""
    }
}
