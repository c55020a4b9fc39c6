/// A page for what went wrong (404, 403, 400), with the reason and a way back.
package enum ErrorPage {
    package static func render(status: Int, title: String, message: String, viewer: Viewer?) -> HTML {
        Layout.page(title: title, viewer: viewer, """
            <h1>\(title)</h1>
            <p class="notice bad" role="alert">\(message)</p>
            <p><a href="\(SiteURL.search("status:open"))">Open changes</a> · <a href="\(SiteURL.status)">Gate status</a></p>
            <p class="muted">HTTP \(status)</p>
            """)
    }
}
