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

    package static func page(_ name: String, open: [ChangeInfo], merged: [ChangeInfo], cloneURL: String, viewer: Viewer?) -> HTML {
        ChangeListPage.render(
            title: name,
            sections: [
                .init(title: "Clone", changes: [], empty: "git clone \(cloneURL)"),
                .init(title: "Open changes", changes: open, empty: "No open changes."),
                .init(title: "Recently merged", changes: merged, empty: "Nothing merged yet."),
            ], viewer: viewer, returnTo: SiteURL.project(name).path)
    }
}
