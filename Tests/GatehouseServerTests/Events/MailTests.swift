import Foundation
import GatehouseCore
import GatehouseGit
import GatehouseServer
import GatehouseTesting
import NIOHTTP1
import Testing

/// E-mail through a real SMTP server (aiosmtpd) on loopback: who gets what, threading, preferences, TLS and
/// AUTH, bad settings at start-up, and mail that survives an unreachable SMTP server and a kill -9.
@Suite(.timeLimit(.minutes(3)), .enabled(if: SMTPCapture.isAvailable || TestBackend.isCI, "needs GATEHOUSE_TEST_VENV with aiosmtpd (the README's test command)"))
struct MailTests {
    private static let from = "Gatehouse <gatehouse@example.com>"

    private static func mailing(to smtp: String) -> (inout ServerConfiguration) -> Void {
        { configuration in
            configuration.seedDemo = true
            configuration.smtpURL = smtp
            configuration.mailFrom = from
            configuration.mailRetry = RetryPolicy(initialDelay: .milliseconds(50), maximumDelay: .milliseconds(200), giveUpAfter: .seconds(60))
        }
    }

    private static func recipients(_ mail: SMTPCapture.Mail) -> Set<String> { Set(mail.to) }

    @Test("the review conversation mails the people on the change, threaded, as each one asked", arguments: TestBackend.available)
    func conversation(backend: TestBackend) async throws {
        // setup
        let directory = try TestDirectory("mail")
        defer { directory.remove() }
        let smtp = try await SMTPCapture.start(in: directory)
        defer { smtp.stop() }
        let server = try await TestServer.start(backend, configure: Self.mailing(to: smtp.url))
        defer { Task { await server.stop() } }
        let alice = try await server.createUser("alice")
        let bob = try await server.createUser("bob", groups: ["demo-core"])
        let carol = try await server.createUser("carol")
        _ = try await server.createUser("dave")
        let work = try await GitWorkTree.clone(server.url("demo"), in: directory)
        let key = GitWorkTree.newChangeKey()
        try await work.commit(GitWorkTree.message("Say hello", key: key), file: "hello.txt", content: "hello\n")

        // a new change: its reviewer and cc hear of it, the uploader does not
        #expect(try await work.push(server.url("demo", user: alice), "HEAD:refs/for/main%r=bob,cc=carol").succeeded)
        var mails = try await smtp.wait { $0.count == 1 }
        let thread = "<gatehouse.change-1.\(key)@example.com>"
        let first = try #require(mails.first)
        #expect(Self.recipients(first) == ["bob@example.com", "carol@example.com"])
        #expect(first.from == "gatehouse@example.com")
        #expect(first.header("From") == "\"Alice (Gatehouse)\" <gatehouse@example.com>")
        #expect(first.header("Subject") == "Change in demo[main]: Say hello")
        #expect(first.header("Message-ID") == thread)
        #expect(first.header("X-Gerrit-MessageType") == "newchange")
        #expect(first.body.contains("Alice has uploaded this change for review."))
        #expect(first.body.contains("\(server.baseURL)/c/demo/+/1"))
        #expect(first.body.contains("Change-Id: \(key)"))
        #expect(first.body.contains("Gerrit-Change-Number: 1"))

        // a review with a vote and an inline comment: the owner and the cc hear of it, the reviewer does not
        let review = try await server.request(.POST, "/a/changes/1/revisions/current/review", user: bob, json: """
            {"message":"Looks good","labels":{"Code-Review":2},"comments":{"hello.txt":[{"line":1,"message":"greet the world, too"}]}}
            """)
        #expect(review.status == 200)
        mails = try await smtp.wait { $0.count == 2 }
        let second = try #require(mails.dropFirst().first)
        #expect(Self.recipients(second) == ["alice@example.com", "carol@example.com"])
        #expect(second.header("In-Reply-To") == thread)
        #expect(second.header("References") == thread)
        #expect(second.header("Subject") == first.header("Subject"))
        #expect(second.header("X-Gerrit-MessageType") == "comment")
        #expect(second.body.contains("Bob has posted comments on this change."))
        #expect(second.body.contains("Patch Set 1: Code-Review+2"))
        #expect(second.body.contains("Looks good"))
        #expect(second.body.contains("File hello.txt:"))
        #expect(second.body.contains("PS1, Line 1:\r\n  greet the world, too"))

        // preferences: carol wants none, alice only her own changes; others may not see or change them
        #expect(try await server.request(.GET, "/a/accounts/self/preferences", user: carol).body.contains(#""email_strategy":"ENABLED""#))
        let off = try await server.request(.PUT, "/a/accounts/self/preferences", user: carol, json: #"{"email_strategy":"DISABLED"}"#)
        #expect(off.status == 200 && off.body.contains(#""email_strategy":"DISABLED""#))
        #expect(try await server.request(.PUT, "/a/accounts/alice/preferences", user: alice, json: #"{"email_strategy":"OWN_CHANGES"}"#).status == 200)
        let nosy = try await server.request(.GET, "/a/accounts/alice/preferences", user: carol)
        #expect(nosy.status == 403)
        let wrong = try await server.request(.PUT, "/a/accounts/self/preferences", user: carol, json: #"{"email_strategy":"SOMETIMES"}"#)
        #expect(wrong.status == 400 && wrong.body.contains("ENABLED, OWN_CHANGES, DISABLED"))
        #expect(try await server.request(.GET, "/a/accounts/carol/preferences", user: server.admin).body.contains("DISABLED"))

        // a second review now reaches alice alone; abandoning reaches bob (reviewer and voter) alone
        #expect(try await server.request(.POST, "/a/changes/1/revisions/current/review", user: bob, json: #"{"message":"One more thing"}"#).status == 200)
        mails = try await smtp.wait { $0.count == 3 }
        #expect(mails.count == 3)
        #expect(mails.last.map(Self.recipients) == ["alice@example.com"])
        #expect(try await server.request(.POST, "/a/changes/1/abandon", user: alice, json: #"{"message":"Not needed after all"}"#).status == 200)
        mails = try await smtp.wait { $0.count == 4 }
        let abandoned = try #require(mails.last)
        #expect(Self.recipients(abandoned) == ["bob@example.com"])
        #expect(abandoned.header("X-Gerrit-MessageType") == "abandoned")
        #expect(abandoned.body.contains("Alice has abandoned this change."))

        // nothing else was sent, and /metrics counts what was
        try await Task.sleep(for: .milliseconds(300))
        #expect(smtp.mails.count == 4)
        let metrics = try await server.request(.GET, "/a/metrics", user: server.admin)
        #expect(metrics.body.contains("gatehouse_emails_sent_total 4\n"))
        #expect(metrics.body.contains("gatehouse_email_failures_total 0\n"))
    }

    @Test("bad mail settings stop the start with the reason")
    func badSettings() async throws {
        let directory = try TestDirectory("mail")
        defer { directory.remove() }
        let plain = try await SMTPCapture.start(in: directory)
        defer { plain.stop() }
        let guarded = try await SMTPCapture.start(in: directory, auth: "mailer:right")
        defer { guarded.stop() }
        let closed = freePort()
        let cases: [(url: String?, from: String?, expected: String)] = [
            ("http://127.0.0.1:25", Self.from, "must start with smtp:// or smtps://"),
            ("smtp://127.0.0.1:25?tls=on", Self.from, "unknown SMTP URL parameter \"tls\""),
            ("smtp://mailer@127.0.0.1:25", Self.from, "needs both a user and a password"),
            (plain.url, nil, "--smtp-url needs --mail-from"),
            (nil, Self.from, "--mail-from needs --smtp-url"),
            (plain.url, "gatehouse at example.com", "is not an e-mail address"),
            ("smtp://127.0.0.1:\(closed)", Self.from, "cannot connect to the SMTP server at 127.0.0.1:\(closed)"),
            (plain.url + "?starttls=true", Self.from, "does not offer STARTTLS"),
            ("smtp://mailer:wrong@127.0.0.1:\(guarded.port)", Self.from, "AUTH PLAIN with 535"),
            (guarded.url, Self.from, "MAIL FROM with 530"),
        ]
        for (url, from, expected) in cases {
            do {
                let server = try await TestServer.start { $0.smtpURL = url; $0.mailFrom = from }
                await server.stop()
                Issue.record("\(url ?? "-") / \(from ?? "-") started")
            } catch {
                #expect(String(describing: error).contains(expected), "\(url ?? "-"): \(error)")
            }
        }
        #expect(plain.mails.isEmpty && guarded.mails.isEmpty)
    }

    @Test("STARTTLS with a private CA and AUTH: the mail goes out encrypted and authenticated")
    func startTLSAndAuth() async throws {
        let directory = try TestDirectory("mail")
        defer { directory.remove() }
        let certificate = directory.file("cert.pem")
        let key = directory.file("key.pem")
        let (status, output) = try await ChildProcess.run("/usr/bin/env", [
            "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=localhost",
            "-addext", "subjectAltName=DNS:localhost", "-keyout", key, "-out", certificate,
        ])
        try #require(status == 0, "openssl: \(output)")
        let smtp = try await SMTPCapture.start(in: directory, auth: "mailer:s3cret", starttls: (certificate, key))
        defer { smtp.stop() }
        let url = "smtp://mailer:s3cret@localhost:\(smtp.port)?starttls=true&ca=\(certificate)"
        let server = try await TestServer.start(configure: Self.mailing(to: url))
        defer { Task { await server.stop() } }
        let alice = try await server.createUser("alice")
        _ = try await server.createUser("bob")
        let work = try await GitWorkTree.clone(server.url("demo"), in: directory)
        try await work.commit(GitWorkTree.message("Encrypted hello"), file: "hello.txt")
        #expect(try await work.push(server.url("demo", user: alice), "HEAD:refs/for/main%r=bob").succeeded)
        let mails = try await smtp.wait { !$0.isEmpty }
        #expect(mails.count == 1)
        #expect(mails.first?.tls == true)
        #expect(mails.first?.to == ["bob@example.com"])
        #expect(mails.first?.header("Subject") == "Change in demo[main]: Encrypted hello")
    }

    @Test("mail for a write made while the SMTP server was down and the server then killed -9 is sent after the restart")
    func survivesOutageAndKillNine() async throws {
        // setup: the real binary, mailing through an SMTP server that then goes away
        let directory = try TestDirectory("mail")
        defer { directory.remove() }
        let mailbox = directory.file("mailbox")
        var smtp = try await SMTPCapture.start(in: directory, mailbox: mailbox)
        let smtpPort = smtp.port
        let data = directory.file("data")
        let port = freePort()
        let arguments = ["--demo", "--smtp-url", smtp.url, "--mail-from", Self.from]
        var server = try await ServerProcess(dataDirectory: data, port: port, extraArguments: arguments)
        let admin = ("admin", TestServer.adminPassword)
        for name in ["alice", "bob"] {
            let (status, body) = try await ServerProcess.send("PUT", "\(server.baseURL)/a/accounts/\(name)", user: admin, json: """
                {"name":"\(name.capitalized)","email":"\(name)@example.com","http_password":"\(name)-pw"}
                """)
            try #require(status == 201, "\(String(decoding: body, as: UTF8.self))")
        }
        smtp.stop()

        // act: an acknowledged push while mail cannot go out, then a crash
        let work = try await GitWorkTree.clone(server.baseURL + "/demo", in: directory)
        try await work.commit(GitWorkTree.message("Mail me later"), file: "later.txt")
        #expect(try await work.push("http://alice:alice-pw@127.0.0.1:\(port)/demo", "HEAD:refs/for/main%r=bob").succeeded)
        try await Task.sleep(for: .milliseconds(300))
        server.kill9()
        smtp = try await SMTPCapture.start(in: directory, port: smtpPort, mailbox: mailbox)
        defer { smtp.stop() }
        server = try await ServerProcess(dataDirectory: data, port: port, extraArguments: arguments)
        defer { _ = server.terminate() }

        // check: bob hears of the new change exactly once (the check pipeline's Verified vote is a mail of its own)
        _ = try await smtp.wait { mails in mails.contains { $0.header("X-Gerrit-MessageType") == "newchange" } }
        try await Task.sleep(for: .milliseconds(500))
        let mails = smtp.mails
        let announcements = mails.filter { $0.header("X-Gerrit-MessageType") == "newchange" }
        #expect(announcements.count == 1)
        #expect(announcements.first?.to == ["bob@example.com"])
        #expect(announcements.first?.header("Subject") == "Change in demo[main]: Mail me later")
        #expect(Set(mails.compactMap { $0.header("Message-ID") }).count == mails.count, "no mail was sent twice")
    }
    @Test("the gate's merge reaches the owner and every voter with the landed commit; a gate failure its reason and logs")
    func gateMail() async throws {
        let directory = try TestDirectory("mail")
        defer { directory.remove() }
        let smtp = try await SMTPCapture.start(in: directory)
        defer { smtp.stop() }
        let f = try await GateFixture.start(jobs: """
            jobs:
              - name: unit
                run: test "$GATEHOUSE_PIPELINE" != gate || test ! -e bad.txt
            pipelines:
              check: [unit]
              gate: [unit]
            """) { configuration in
            Self.mailing(to: smtp.url)(&configuration)
            configuration.gateRetries = 0
        }
        defer { Task { await f.stop() } }
        let carol = try await f.server.createUser("carol")
        let good = try await f.propose("Add good", file: "good.txt", content: "good\n")
        let bad = try await f.propose("Add bad", file: "bad.txt", content: "bad\n")
        for change in [good, bad] { try await f.waitForVerified(change, 1) }
        let vote = try await f.server.request(.POST, "/a/changes/\(good)/revisions/current/review", user: carol, json: #"{"labels":{"Code-Review":1}}"#)
        #expect(vote.status == 200)

        for change in [good, bad] { try await f.approve(change) }
        try await f.waitForStatus(good, "MERGED")
        try await f.waitForVerified(bad, -1)

        let mails = try await smtp.wait { mails in
            mails.contains { $0.header("X-Gerrit-MessageType") == "merged" && $0.header("Subject")?.hasSuffix("Add good") == true }
                && mails.contains { $0.body.contains("Build failed (gate pipeline)") }
        }
        let merged = try #require(mails.first { $0.header("X-Gerrit-MessageType") == "merged" && $0.header("Subject")?.hasSuffix("Add good") == true })
        #expect(Set(merged.to) == ["alice@example.com", "bob@example.com", "carol@example.com"])
        let tip = try await f.work.checked(["ls-remote", f.server.url("demo"), "refs/heads/main"]).text.prefix(40)
        #expect(merged.body.contains("Merged into main as \(tip), the commit its jobs tested."))
        let failure = try #require(mails.first { $0.body.contains("Build failed (gate pipeline)") })
        #expect(failure.header("Subject") == "Change in demo[main]: Add bad")
        #expect(Set(failure.to) == ["alice@example.com", "bob@example.com"])
        #expect(failure.body.contains("Verified-1"))
        #expect(failure.body.contains("\(f.server.baseURL)/logs/"))
    }
}
