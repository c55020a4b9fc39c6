import Foundation
import GatehouseCore
import GatehouseGit
import GatehouseServer
import GatehouseStore
import GatehouseTesting
import NIOHTTP1
import Testing

/// The web pages over real HTTP: sign-in and sessions, CSRF refusals that change nothing, the review form,
/// placeholders for binary and huge diffs, error pages and the security headers.
@Suite(.timeLimit(.minutes(3))) struct WebPageTests {
    private static let form = [("Content-Type", "application/x-www-form-urlencoded")]

    private static func cookie(_ name: String, in headers: HTTPHeaders) -> String? {
        for header in headers[canonicalForm: "Set-Cookie"] where header.hasPrefix("\(name)=") {
            return String(header.dropFirst(name.count + 1).prefix { $0 != ";" })
        }
        return nil
    }

    private static func field(_ name: String, in html: String) -> String? {
        guard let range = html.range(of: "name=\"\(name)\" value=\"") else { return nil }
        return String(html[range.upperBound...].prefix { $0 != "\"" })
    }

    private static func encoded(_ fields: [(String, String)]) -> String {
        fields.map { "\($0.0)=\($0.1.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")" }.joined(separator: "&")
    }

    /// Signs in through the form; returns the session cookie and the page's CSRF token.
    private func signIn(_ server: TestServer, _ user: (String, String), replacing old: String? = nil) async throws -> (session: String, csrf: String) {
        let page = try await server.request(.GET, "/login?to=/dashboard/self")
        let signInCookie = try #require(Self.cookie("GatehouseSignIn", in: page.headers))
        let token = try #require(Self.field("csrf", in: page.body))
        let cookies = "GatehouseSignIn=\(signInCookie)" + (old.map { "; GatehouseSession=\($0)" } ?? "")
        let answer = try await server.request(
            .POST, "/login", headers: Self.form + [("Cookie", cookies)],
            body: Self.encoded([("csrf", token), ("to", "/dashboard/self"), ("username", user.0), ("password", user.1)]))
        try #require(answer.status == 303, "\(answer.status) \(answer.body)")
        #expect(answer.headers.first(name: "Location") == "/dashboard/self")
        let session = try #require(Self.cookie("GatehouseSession", in: answer.headers))
        #expect(answer.headers[canonicalForm: "Set-Cookie"].contains { $0.hasPrefix("GatehouseSession=") && $0.contains("HttpOnly") && $0.contains("SameSite=Lax") })
        let dashboard = try await server.request(.GET, "/dashboard/self", headers: [("Cookie", "GatehouseSession=\(session)")])
        #expect(dashboard.status == 200)
        let csrf = try #require(Self.field("csrf", in: dashboard.body))
        return (session, csrf)
    }

    @Test("sign-in makes a new session each time, wrong passwords and forged forms are refused, sign-out ends it", arguments: TestBackend.available)
    func sessions(backend: TestBackend) async throws {
        let server = try await TestServer.start(backend) { $0.seedDemo = true }
        defer { Task { await server.stop() } }
        let bob = try await server.createUser("bob", groups: ["demo-core"])

        // a page that needs an account sends the browser to the sign-in form, and back afterwards
        let anonymous = try await server.request(.GET, "/dashboard/self")
        #expect(anonymous.status == 303)
        #expect(anonymous.headers.first(name: "Location") == "/login?to=%2Fdashboard%2Fself")

        // wrong password: the form again, no session
        let page = try await server.request(.GET, "/login")
        let signInCookie = try #require(Self.cookie("GatehouseSignIn", in: page.headers))
        let token = try #require(Self.field("csrf", in: page.body))
        let wrong = try await server.request(
            .POST, "/login", headers: Self.form + [("Cookie", "GatehouseSignIn=\(signInCookie)")],
            body: Self.encoded([("csrf", token), ("username", "bob"), ("password", "nope")]))
        #expect(wrong.status == 200 && wrong.body.contains("Wrong username or password."))
        #expect(Self.cookie("GatehouseSession", in: wrong.headers) == nil)
        // a sign-in form posted from elsewhere (no sign-in cookie) is refused
        let forged = try await server.request(
            .POST, "/login", headers: Self.form, body: Self.encoded([("csrf", token), ("username", "bob"), ("password", bob.1)]))
        #expect(forged.status == 403)
        #expect(Self.cookie("GatehouseSession", in: forged.headers) == nil)

        // a second sign-in replaces the first session; the database never holds the cookie's value
        let first = try await signIn(server, bob)
        let second = try await signIn(server, bob, replacing: first.session)
        #expect(first.session != second.session && first.csrf != second.csrf)
        let stale = try await server.request(.GET, "/dashboard/self", headers: [("Cookie", "GatehouseSession=\(first.session)")])
        #expect(stale.status == 303, "the replaced session no longer signs in")
        let stored = try await server.server.store.read { tx in try await tx.webSession(idHash: second.session, now: Timestamp(secondsSinceEpoch: Int64(Date().timeIntervalSince1970))) }
        #expect(stored == nil, "sessions are stored as hashes only")

        // sign-out needs the token, then ends the session
        let cookie = ("Cookie", "GatehouseSession=\(second.session)")
        #expect(try await server.request(.POST, "/logout", headers: Self.form + [cookie], body: "csrf=wrong").status == 403)
        let out = try await server.request(.POST, "/logout", headers: Self.form + [cookie], body: "csrf=\(second.csrf)")
        #expect(out.status == 303)
        #expect(try await server.request(.GET, "/dashboard/self", headers: [cookie]).status == 303)
    }

    @Test("the review form votes with the session's token; without it nothing changes")
    func reviewForm() async throws {
        let f = try await ReviewFixture.start()
        defer { Task { await f.stop() } }
        let (session, csrf) = try await signIn(f.server, f.bob)
        let cookie = ("Cookie", "GatehouseSession=\(session)")
        let vote = [("patchset", "1"), ("label-Code-Review", "2"), ("message", "Ship it <b>now</b>")]

        for token in [nil, "forged-token"] {
            let refused = try await f.server.request(
                .POST, "/c/demo/+/1/review", headers: Self.form + [cookie], body: Self.encoded(vote + (token.map { [("csrf", $0)] } ?? [])))
            #expect(refused.status == 403)
            #expect(refused.body.contains("security token"))
        }
        #expect(try await f.detail()["messages"].map { ($0 as? [Any])?.count } == 1, "only the upload's message: nothing was posted")

        let accepted = try await f.server.request(.POST, "/c/demo/+/1/review", headers: Self.form + [cookie], body: Self.encoded(vote + [("csrf", csrf)]))
        #expect(accepted.status == 303)
        #expect(accepted.headers.first(name: "Location") == "/c/demo/+/1")
        let labels = try await f.detail()["labels"] as? [String: Any]
        #expect(((labels?["Code-Review"] as? [String: Any])?["approved"] as? [String: Any])?["username"] as? String == "bob")
        let page = try await f.server.request(.GET, "/c/demo/+/1", headers: [cookie])
        #expect(page.body.contains("Ship it &lt;b&gt;now&lt;/b&gt;"))
        #expect(page.body.contains("value=\"2\" checked>"))

        // inline comments from the diff's form are drafts: only bob sees them, until his next reply publishes them
        for text in ["Which world?", "Never mind"] {
            let comment = try await f.server.request(
                .POST, "/c/demo/+/1/comment", headers: Self.form + [cookie],
                body: Self.encoded([("csrf", csrf), ("patchset", "1"), ("path", "hello.txt"), ("line", "2"), ("side", "REVISION"), ("message", text)]))
            #expect(comment.status == 303)
        }
        #expect(!(try await f.server.request(.GET, "/changes/1/comments").body.contains("Which world?")))
        #expect(!(try await f.server.request(.GET, "/c/demo/+/1").body.contains("Which world?")), "nobody else sees a draft")
        let withDrafts = try await f.server.request(.GET, "/c/demo/+/1", headers: [cookie]).body
        #expect(withDrafts.contains("Which world?") && withDrafts.contains("2 drafts</span> will be published with this reply."))
        let drafts = try await f.server.request(.GET, "/a/changes/1/drafts", user: f.bob).body
        let neverMind = try #require(drafts.range(of: #""id":"[^"]+","line":2,"message":"Never mind""#, options: .regularExpression).map { String(drafts[$0]) })
        let id = String(neverMind.dropFirst(6).prefix { $0 != "\"" })
        #expect(try await f.server.request(.POST, "/c/demo/+/1/discard", headers: Self.form + [cookie], body: Self.encoded([("csrf", csrf), ("draft", id)])).status == 303)
        let published = try await f.server.request(.POST, "/c/demo/+/1/review", headers: Self.form + [cookie], body: Self.encoded([("csrf", csrf), ("patchset", "1")]))
        #expect(published.status == 303)
        let comments = try await f.server.request(.GET, "/changes/1/comments").body
        #expect(comments.contains("\"line\":2") && comments.contains("Which world?") && !comments.contains("Never mind"))
        #expect(try await f.server.request(.GET, "/a/changes/1/drafts", user: f.bob).body == ")]}'\n{}\n")
        let messages = (try await f.detail()["messages"] as? [[String: Any]] ?? []).compactMap { $0["message"] as? String }
        #expect(messages.last == "Patch Set 1:\n\n(1 comment)")

        // reviewers, topic and hashtags from the page, through the same rules as the REST API
        for (action, fields) in [("reviewers", [("account", "carol")]), ("topic", [("topic", "greetings")]), ("hashtags", [("hashtags", "#ui web")])] {
            let answer = try await f.server.request(
                .POST, "/c/demo/+/1/\(action)", headers: Self.form + [cookie], body: Self.encoded(fields + [("csrf", csrf)]))
            #expect(answer.status == 303, "\(action): \(answer.status) \(answer.body)")
        }
        let detail = try await f.detail()
        #expect(detail["topic"] as? String == "greetings")
        #expect(detail["hashtags"] as? [String] == ["ui", "web"])
        let reviewers = try await f.server.request(.GET, "/changes/1/reviewers")
        #expect(reviewers.body.contains("\"username\":\"carol\""))
        let unknown = try await f.server.request(
            .POST, "/c/demo/+/1/reviewers", headers: Self.form + [cookie], body: Self.encoded([("account", "nobody"), ("csrf", csrf)]))
        #expect(unknown.status == 404 || unknown.status == 400, "\(unknown.status)")
        #expect(unknown.body.contains("nobody"))
    }

    @Test("binary files and huge diffs get a placeholder; unknown pages a real 404; every page its security headers")
    func placeholdersAndErrors() async throws {
        let f = try await ReviewFixture.start()
        defer { Task { await f.stop() } }
        let huge = (1...6_000).map { "line \($0)" }.joined(separator: "\n") + "\n"
        try await f.work.commit(GitWorkTree.message("Add data"), file: "huge.txt", content: huge)
        let binary = f.work.path + "/logo.bin"
        #expect(FileManager.default.createFile(atPath: binary, contents: Data([0, 1, 2, 255, 0, 7])))
        _ = try await f.work.checked(["add", "logo.bin"])
        _ = try await f.work.checked(["commit", "--quiet", "--amend", "--no-edit"])
        #expect(try await f.work.push(f.server.url("demo", user: f.alice), "HEAD:refs/for/main").succeeded)

        let page = try await f.server.request(.GET, "/c/demo/+/2")
        #expect(page.status == 200)
        #expect(page.body.contains("Binary file (6 bytes): not shown."))
        #expect(page.body.contains("Large diff (6000 changed lines): not shown here."))
        #expect(page.headers.first(name: "Content-Security-Policy")?.contains("script-src 'self'") == true)
        #expect(page.headers.first(name: "X-Frame-Options") == "DENY")

        let missing = try await f.server.request(.GET, "/c/demo/+/999")
        #expect(missing.status == 404)
        #expect(missing.body.contains("<h1>Not found</h1>"))
        #expect(try await f.server.request(.GET, "/c/other/+/1").status == 404)
        let badQuery = try await f.server.request(.GET, "/q/status:open%20AND%20(")
        #expect(badQuery.status == 400)
        #expect(badQuery.body.contains("notice bad"))
        #expect(try await f.server.request(.GET, "/static/gatehouse.css").headers.first(name: "Content-Type") == "text/css; charset=utf-8")
    }
    @Test("two patch sets compare against each other, unified or side by side, with the changed words marked")
    func comparePatchSets() async throws {
        let f = try await ReviewFixture.start()
        defer { Task { await f.stop() } }
        try await f.pushNewPatchSet(content: "hello\nthere\n")

        let unified = try await f.server.request(.GET, "/c/demo/+/1/2?base=1")
        #expect(unified.status == 200)
        #expect(unified.body.contains("<del>world</del>") && unified.body.contains("<ins>there</ins>"))
        #expect(unified.body.contains("<option value=\"1\" selected>Patch set 1</option>"), "the base selector shows the base")
        let sideBySide = try await f.server.request(.GET, "/c/demo/+/1?ps=2&base=1&view=side")
        #expect(sideBySide.body.contains("Side-by-side diff of hello.txt"))
        #expect(sideBySide.body.contains("<td class=\"code del\"><span class=\"visually-hidden\">deleted: </span><del>world</del></td>"))
        #expect(try await f.server.request(.GET, "/c/demo/+/1/2?base=2").status == 400, "a patch set is not compared with itself")
    }
}
