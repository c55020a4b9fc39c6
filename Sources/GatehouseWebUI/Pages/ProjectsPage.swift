package import GatehouseAPIModels

/// `/admin/repos` and `/admin/repos/<name>`: the projects the viewer may read, and one project's open changes.
package enum ProjectsPage {
    package static func list(_ projects: [ProjectInfo], viewer: Viewer?) -> HTML {
        let rows = projects.map { project -> HTML in
            let name = project.name ?? project.id
            return "<tr><td><a href=\"\(SiteURL.project(name))\">\(name)</a></td><td>\(project.description ?? "")</td></tr>"
        }
        return Layout.page(title: "Projects", viewer: viewer, returnTo: SiteURL.projects.path, """
            <h1>Projects</h1><section class="box"><table><thead><tr><th scope="col">Name</th><th scope="col">Description</th></tr></thead>
            <tbody>\(rows)</tbody></table></section>
            """)
    }

    /// A project's page: how to clone it and propose a change, then its open and recently merged changes.
    package static func page(_ name: String, open: [ChangeInfo], merged: [ChangeInfo], cloneURL: String, hookURL: String, viewer: Viewer?) -> HTML {
        let start: HTML = """
            <section class="box"><h2>Contribute</h2><div class="body"><pre class="message">git clone \(cloneURL)
            curl -o .git/hooks/commit-msg \(hookURL) &amp;&amp; chmod +x .git/hooks/commit-msg
            git push origin HEAD:refs/for/main</pre></div></section>
            """
        let sections = [
            ChangeListPage.Section(title: "Open changes", changes: open, empty: "No open changes."),
            ChangeListPage.Section(title: "Recently merged", changes: merged, empty: "Nothing merged yet."),
        ]
        return ChangeListPage.render(title: name, intro: start, sections: sections, viewer: viewer, returnTo: SiteURL.project(name).path)
    }
}
