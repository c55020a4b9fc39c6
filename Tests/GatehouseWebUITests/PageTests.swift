import GatehouseAPIModels
import GatehouseTesting
@testable import GatehouseWebUI
import Testing

@Suite struct PageTests {
    /// Strings that would run script, break out of an attribute, or close the element they sit in, if any of
    /// them reached the page unescaped.
    static let corpus = [
        "<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>", "'><svg/onload=alert(1)>", "</textarea><script>alert(1)</script>",
        "</pre><iframe src=javascript:alert(1)>", "\" autofocus onfocus=\"alert(1)", "<a href=\"javascript:alert(1)\">x</a>", "&lt;script&gt;",
        "<!--", "<style>*{display:none}</style>", "\u{2028}<b>line</b>",
    ]

    private let viewer = Viewer(username: "bob", displayName: "Bob", csrfToken: "token-123")

    @Test("no user string reaches a page unescaped", arguments: corpus)
    func hostileText(text: String) {
        let pages = [
            ChangePage.render(WebPageSamples.change(text: text, viewer: viewer)).rendered,
            ChangePage.render(WebPageSamples.change(text: text)).rendered,
            StatusPage.render(WebPageSamples.status(items: 3, text: text), viewer: viewer).rendered,
            ChangeListPage.render(title: text, query: text, sections: [.init(title: text, changes: [WebPageSamples.change(text: text).change], empty: text)],
                error: text, viewer: viewer, returnTo: "/").rendered,
            LoginPage.render(csrfToken: "t", returnTo: "/\(text)", username: text, error: text).rendered,
            ErrorPage.render(status: 404, title: text, message: text, viewer: nil).rendered,
        ]
        for page in pages {
            #expect(!page.contains(text), "the raw string is on the page")
            #expect(page.contains(HTML.escape(text)) || page.contains(SiteURL.encode(text)))
            #expect(!page.contains("<script>alert"), "script tag")
            for tag in ["<img", "<svg", "<iframe", "<style>*"] { #expect(!page.contains(tag), "\(tag)") }
        }
    }

    @Test("the change page shows what a reviewer needs, and forms only to a signed-in viewer")
    func changePageStructure() {
        let signedIn = ChangePage.render(WebPageSamples.change(files: 2, linesPerFile: 4, viewer: viewer)).rendered
        #expect(signedIn.contains("<h1>Subject Say hello <span class=\"badge neutral\">Open</span></h1>"))
        #expect(signedIn.contains("✓ met</span> <strong>Code-Review</strong>: Code-Review +2 from Say hello"))
        #expect(signedIn.contains("✗ missing</span> <strong>Verified</strong>"))
        #expect(signedIn.contains("<input type=\"radio\" id=\"vote-Code-Review-2\" name=\"label-Code-Review\" value=\"2\" checked>"), "the viewer's own vote is preselected")
        #expect(signedIn.contains("<input type=\"radio\" id=\"vote-Workflow-0\" name=\"label-Workflow\" value=\"0\" checked>"))
        #expect(signedIn.contains("<input type=\"hidden\" name=\"csrf\" value=\"token-123\">"))
        #expect(signedIn.contains("id=\"new-comment\""), "the comment form is open at the chosen line")
        #expect(signedIn.contains("<div class=\"comment draft\">") && signedIn.contains("1 draft</span> will be published with this reply."))
        #expect(signedIn.contains("Binary file (2048 bytes): not shown."))
        #expect(signedIn.contains("… 40 unchanged lines …"))
        #expect(signedIn.contains("<del>compute</del>") == false)
        #expect(signedIn.contains("compute<ins>Faster</ins>(0)"), "intraline: only the changed part is marked")
        #expect(signedIn.contains("href=\"/c/demo/+/7/2?comment=src%2FSay%20hello%2Ffile0.swift&amp;line=42#new-comment\""))
        let anonymous = ChangePage.render(WebPageSamples.change()).rendered
        #expect(!anonymous.contains("<form method=\"post\""))
        #expect(!anonymous.contains("name=\"csrf\""))
        #expect(anonymous.contains("<a href=\"/login?to=%2Fc%2Fdemo%2F%2B%2F7%2F2\">Sign in</a> to review this change."))
    }

    @Test("diff rows carry both sides' line numbers through skips, replacements and additions")
    func diffRows() {
        let diff = DiffInfo(
            metaA: nil, metaB: nil, changeType: "MODIFIED", diffHeader: [],
            content: [.init(ab: nil, a: nil, b: nil, skip: 10), .init(ab: ["same"], a: nil, b: nil, skip: nil), .init(ab: nil, a: ["old1", "old2"], b: ["new1"], skip: nil),
                      .init(ab: ["tail"], a: nil, b: nil, skip: nil)],
            binary: nil)
        let rows = DiffView.rows(diff, pairLines: true).map { row -> String in
            switch row {
            case .common(let a, let b, let text): "\(a)|\(b) \(text)"
            case .deleted(let a, let html): "\(a)| - \(html.rendered)"
            case .added(let b, let html): "|\(b) + \(html.rendered)"
            case .replaced(let a, let old, let b, let new): "\(a)|\(b) \(old.rendered) → \(new.rendered)"
            case .skipped(let count): "… \(count)"
            }
        }
        #expect(rows == ["… 10", "11|11 same", "12|12 <del>old</del>1 → <ins>new</ins>1", "13| - old2", "14|13 tail"])
    }

    @Test("the status page shows each item's stack and jobs, and marks items outside the window as waiting")
    func statusPage() {
        let page = StatusPage.render(WebPageSamples.status(items: 4, window: 2), viewer: nil).rendered
        #expect(page.contains("demo · main <span class=\"muted\">window 2, 4 queued</span>"))
        #expect(page.contains("<li class=\"queue-item waiting\"><strong>3.</strong>"))
        #expect(page.contains("on top of 101,1 102,1"))
        #expect(page.contains("aria-valuenow=\"40\""), "12 s of 30 s")
        #expect(page.contains("<p class=\"muted\">None.</p>") == false)
        #expect(page.contains("needs Verified +1"))
        #expect(page.contains("data-live=\"status\""))
    }
}
