import GatehouseCore
import Testing

@Suite struct PercentEncodingTests {
    @Test("Decodes escapes and, when asked, plus signs", arguments: [
        ("hello+world%2C+ok", true, "hello world, ok"),
        ("hello+world%2C+ok", false, "hello+world,+ok"),
        ("a%2Fb", true, "a/b"),
        ("a%2fb", true, "a/b"),
        ("%25", false, "%"),
        ("%2B", true, "+"),
        ("%C3%A9t%C3%A9", false, "été"),
        ("caf%C3%A9+%E2%9C%93", true, "café ✓"),
        ("", true, ""),
        ("plain", true, "plain"),
        ("déjà", false, "déjà"),
        ("%20%20", false, "  "),
    ])
    func decodes(input: String, plusAsSpace: Bool, output: String) {
        #expect(PercentEncoding.decode(input[...], plusAsSpace: plusAsSpace) == output)
    }

    @Test("Refuses malformed escapes and invalid UTF-8", arguments: [
        "%", "%2", "abc%", "%zz", "%2g", "%g2", "100%", "%C3", "%C3%28", "%FF", "%E2%9C", "%ED%A0%80",
    ])
    func refusesMalformedInput(input: String) {
        #expect(PercentEncoding.decode(input[...], plusAsSpace: true) == nil)
    }

    @Test("Decodes only the given slice")
    func decodesSlice() {
        let text = "m=hello%20there,topic=x"
        let start = text.index(text.startIndex, offsetBy: 2)
        let end = text.firstIndex(of: ",")!
        #expect(PercentEncoding.decode(text[start..<end], plusAsSpace: false) == "hello there")
    }

    @Test("Encodes everything but unreserved characters", arguments: [
        ("test/project", "test%2Fproject"),
        ("AZaz09-._~", "AZaz09-._~"),
        ("a b+c", "a%20b%2Bc"),
        ("%", "%25"),
        ("été", "%C3%A9t%C3%A9"),
        ("?#&=:;@", "%3F%23%26%3D%3A%3B%40"),
        ("\n", "%0A"),
        ("", ""),
    ])
    func encodes(input: String, output: String) {
        #expect(PercentEncoding.encodeComponent(input) == output)
    }

    @Test("Decoding undoes encoding")
    func roundTrip() {
        for text in ["test/project", "a b+c%", "naïve ✓ 🎉", "~._-", "\u{0}\u{7F}"] {
            #expect(PercentEncoding.decode(PercentEncoding.encodeComponent(text)[...], plusAsSpace: true) == text)
        }
    }
}
