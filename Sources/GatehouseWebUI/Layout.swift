/// The frame every page shares: the header with search and sign-in, the main landmark, and the assets.
///
/// The stylesheet and the one script are served from `/static/` so the pages can forbid inline script with a
/// Content-Security-Policy: even a missed escape could then not run code.
package enum Layout {
    package static func page(title: String, viewer: Viewer?, query: String = "", returnTo: String = "/", live: String? = nil, _ body: HTML) -> HTML {
        let account: HTML =
            if let viewer {
                """
                <span class="who">\(viewer.displayName)</span>
                <form method="post" action="\(SiteURL.logout)" class="inline">\(viewer.csrfField)<button type="submit" class="link">Sign out</button></form>
                """
            } else {
                "<a href=\"\(SiteURL.login(returnTo: returnTo))\">Sign in</a>"
            }
        let nav: HTML = viewer == nil ? "" : "<a href=\"\(SiteURL.dashboard)\">My dashboard</a>"
        return """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(title) · Gatehouse</title>
            <link rel="stylesheet" href="/static/gatehouse.css">
            <script src="/static/gatehouse.js" defer></script>
            </head>
            <body\(live.map { HTML(" data-live=\"\($0)\"") } ?? "")>
            <a class="skip" href="#main">Skip to content</a>
            <header class="top">
            <nav aria-label="Site">
            <a class="brand" href="\(SiteURL.home)">Gatehouse</a>
            <a href="\(SiteURL.search("status:open"))">Open changes</a>
            <a href="\(SiteURL.status)">Gate status</a>
            <a href="\(SiteURL.projects)">Projects</a>
            \(nav)
            </nav>
            <form class="search" role="search" method="get" action="/q">
            <label for="q" class="visually-hidden">Search changes</label>
            <input id="q" name="q" type="search" value="\(query)" placeholder="status:open owner:alice" accesskey="/">
            </form>
            <div class="account">\(account)</div>
            </header>
            <main id="main" tabindex="-1">
            \(body)
            </main>
            </body>
            </html>

            """
    }

    /// A short status word with its colour as a class, so colour is never the only signal.
    package static func badge(_ text: String, _ tone: String) -> HTML {
        "<span class=\"badge \(tone)\">\(text)</span>"
    }
}
