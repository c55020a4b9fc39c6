@testable import GatehouseWebUI
import Testing

@Suite struct HTMLTests {
    @Test("interpolated text is escaped for text and attributes; HTML fragments go in as they are")
    func escaping() {
        let name = "<b>\"Bob\" & 'Eve'</b>"
        let html: HTML = "<a title=\"\(name)\">\(name)</a>\(HTML("<br>"))"
        #expect(html.rendered == "<a title=\"&lt;b&gt;&quot;Bob&quot; &amp; &#39;Eve&#39;&lt;/b&gt;\">&lt;b&gt;&quot;Bob&quot; &amp; &#39;Eve&#39;&lt;/b&gt;</a><br>")
        #expect(HTML.escape("&lt;") == "&amp;lt;", "an entity in user text stays text")
    }

    @Test("http(s) URLs in text become links; nothing else does, and the rest stays escaped")
    func links() {
        let html = HTML.linkified("- unit https://ci.example/logs/3/ : FAILURE (see http://x.y/a?b=1&c=2). javascript:alert(1) <b>")
        #expect(html.rendered == "- unit <a href=\"https://ci.example/logs/3/\">https://ci.example/logs/3/</a> : FAILURE (see "
            + "<a href=\"http://x.y/a?b=1&amp;c=2\">http://x.y/a?b=1&amp;c=2</a>). javascript:alert(1) &lt;b&gt;")
        #expect(HTML.linkified("https://e.x/\"onmouseover=\"alert(1)").rendered == "<a href=\"https://e.x/\">https://e.x/</a>&quot;onmouseover=&quot;alert(1)")
    }
}
