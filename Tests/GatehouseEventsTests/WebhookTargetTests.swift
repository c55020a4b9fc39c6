import GatehouseEvents
import Testing

@Suite struct WebhookTargetTests {
    let target = WebhookTarget(listenHost: "0.0.0.0", listenPort: 8080, baseURL: "https://review.example.org")

    @Test("Accepts http and https receivers elsewhere, loopback on another port included", arguments: [
        "https://hooks.example.com/gatehouse", "http://10.0.0.5:9000/", "http://127.0.0.1:9999/hook", "http://localhost:8081",
        "https://review.example.org:8443/other",
    ])
    func accepts(_ url: String) {
        #expect(target.problem(with: url) == nil)
    }

    @Test("Refuses other schemes, relative URLs, credentials and this server itself", arguments: [
        ("ftp://example.com/x", "must be http or https"),
        ("file:///etc/passwd", "must be http or https"),
        ("/relative/path", "is not a URL"),
        ("http://", "has no host"),
        ("https://user:pw@example.com/", "must not carry credentials"),
        ("http://127.0.0.1:8080/a/events", "points at this Gatehouse server"),
        ("http://localhost:8080/", "points at this Gatehouse server"),
        ("http://[::1]:8080/", "points at this Gatehouse server"),
        ("https://REVIEW.example.org/api", "points at this Gatehouse server"),
    ])
    func refuses(_ url: String, reason: String) {
        let problem = target.problem(with: url)
        #expect(problem?.contains(reason) == true, "\(url): \(problem ?? "accepted")")
    }

    @Test("Signs bodies with HMAC-SHA256 as RFC 4231's second test case computes it")
    func signature() {
        let signature = WebhookSignature.sign(Array("what do ya want for nothing?".utf8), secret: "Jefe")
        #expect(signature == "sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")
    }
}
