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
}
