import Foundation
import GatehouseCore
import GatehouseGit
import GatehouseServer
import GatehouseTesting
import NIOHTTP1
import Testing

/// Webhooks against a real receiver on loopback that verifies every signature.
@Suite(.timeLimit(.minutes(3))) struct WebhookTests {
    private static func quickRetries(_ configuration: inout ServerConfiguration) {
        configuration.seedDemo = true
        configuration.webhookRetry = RetryPolicy(initialDelay: .milliseconds(50), maximumDelay: .milliseconds(400), giveUpAfter: .seconds(60))
        configuration.webhookTimeout = .milliseconds(500)
    }

    private func addHook(_ server: TestServer, url: String, secret: String, events: String = "") async throws -> [String: Any] {
        let body = #"{"url":"\#(url)","secret":"\#(secret)"\#(events.isEmpty ? "" : #","events":[\#(events)]"#)}"#
        let response = try await server.request(.POST, "/api/projects/demo/webhooks", user: server.admin, json: body)
        guard response.status == 201, let json = try JSONSerialization.jsonObject(with: Data(response.body.utf8)) as? [String: Any] else {
            throw TestSetupError("adding the webhook failed: \(response.status) \(response.body)")
        }
        return json
    }

    private func deliveries(_ server: TestServer, hook: Int) async throws -> [[String: Any]] {
        let response = try await server.request(.GET, "/api/projects/demo/webhooks/\(hook)/deliveries", user: server.admin)
        return try JSONSerialization.jsonObject(with: Data(response.body.utf8)) as? [[String: Any]] ?? []
    }

    @Test("a receiver that fails three times gets the event on the fourth attempt, signed, and the log shows each try", arguments: TestBackend.available)
    func retriesUntilDelivered(backend: TestBackend) async throws {
        let server = try await TestServer.start(backend, configure: Self.quickRetries)
        defer { Task { await server.stop() } }
        let directory = try TestDirectory("webhook")
        defer { directory.remove() }
        let receiver = try await WebhookReceiver.start(secret: "s3cret", failFirst: 3, in: directory)
        defer { receiver.stop() }
        let hook = try await addHook(server, url: receiver.url, secret: "s3cret", events: #""patchset-created""#)
        #expect(hook["events"] as? [String] == ["patchset-created"])
        #expect(hook["secret"] == nil)

        let alice = try await server.createUser("alice")
        let work = try await GitWorkTree.clone(server.url("demo"), in: directory)
        try await work.commit(GitWorkTree.message("Hook me"), file: "h.txt")
        #expect(try await work.push(server.url("demo", user: alice), "HEAD:refs/for/main").succeeded)

        let requests = try await receiver.wait { $0.contains { $0.status == 200 } }
        #expect(requests.map(\.status) == [500, 500, 500, 200])
        #expect(requests.allSatisfy { $0.verified == true && $0.event == "patchset-created" })
        let event = try JSONSerialization.jsonObject(with: Data(requests.last!.body.utf8)) as? [String: Any]
        #expect((event?["change"] as? [String: Any])?["subject"] as? String == "Hook me")
        #expect(Set(requests.map(\.body)).count == 1, "every attempt sends the same bytes")

        let id = try #require(hook["id"] as? Int)
        var log = try await deliveries(server, hook: id)
        for _ in 0..<100 where log.first?["state"] as? String != "delivered" {
            try await Task.sleep(for: .milliseconds(20))
            log = try await deliveries(server, hook: id)
        }
        #expect(log.count == 1)
        #expect(log.first?["state"] as? String == "delivered")
        #expect(log.first?["attempts"] as? Int == 4)
        #expect(log.first?["last_status"] as? Int == 200)
        #expect(log.first?["event_type"] as? String == "patchset-created")

        // Redelivery sends the same event again, as a new entry in the log.
        let delivery = try #require(log.first?["id"] as? Int)
        let again = try await server.request(.POST, "/api/projects/demo/webhooks/\(id)/deliveries/\(delivery)/redeliver", user: server.admin)
        #expect(again.status == 202)
        let after = try await receiver.wait { $0.count == 5 }
        #expect(after.count == 5)
        #expect(after.last?.body == requests.last?.body)
    }

    @Test("a receiver that never answers times out and is retried; the log says why")
    func hangingReceiver() async throws {
        let server = try await TestServer.start(configure: Self.quickRetries)
        defer { Task { await server.stop() } }
        let directory = try TestDirectory("webhook")
        defer { directory.remove() }
        let receiver = try await WebhookReceiver.start(secret: "x", hang: true, in: directory)
        defer { receiver.stop() }
        let hook = try await addHook(server, url: receiver.url, secret: "x")
        let id = try #require(hook["id"] as? Int)
        let bob = try await server.createUser("bob")
        let work = try await GitWorkTree.clone(server.url("demo"), in: directory)
        try await work.commit(GitWorkTree.message("Slow"), file: "s.txt")
        #expect(try await work.push(server.url("demo", user: bob), "HEAD:refs/for/main").succeeded)

        var log: [[String: Any]] = []
        for _ in 0..<200 {
            log = try await deliveries(server, hook: id)
            if (log.first?["attempts"] as? Int ?? 0) >= 2 { break }
            try await Task.sleep(for: .milliseconds(25))
        }
        #expect((log.first?["attempts"] as? Int ?? 0) >= 2)
        #expect(log.first?["state"] as? String == "pending")
        #expect(log.first?["last_status"] == nil)
        #expect((log.first?["last_error"] as? String)?.isEmpty == false)
        // The server itself stays responsive while its worker waits on the receiver.
        #expect(try await server.request(.GET, "/config/server/version").status == 200)
    }

    @Test("bad webhook input is refused with a reason and creates nothing")
    func badInput() async throws {
        let server = try await TestServer.start(configure: Self.quickRetries)
        defer { Task { await server.stop() } }
        let alice = try await server.createUser("alice")
        let cases: [(json: String, user: (String, String)?, status: Int, reason: String)] = [
            (#"{"url":"ftp://example.com/","secret":"s"}"#, server.admin, 400, "must be http or https"),
            (#"{"url":"http://127.0.0.1:\#(server.port)/a/events","secret":"s"}"#, server.admin, 400, "points at this Gatehouse server"),
            (#"{"url":"not a url","secret":"s"}"#, server.admin, 400, "not a URL"),
            (#"{"url":"http://example.com/","secret":""}"#, server.admin, 400, "secret must be"),
            (#"{"url":"http://example.com/","secret":"s","events":["change-exploded"]}"#, server.admin, 400, "unknown event type"),
            (#"{"url":"http://example.com/","secret":"s"}"#, alice, 403, "administrator"),
            (#"{"url":"http://example.com/","secret":"s"}"#, nil, 401, "Unauthorized"),
            (#"{"url":42}"#, server.admin, 400, "malformed JSON"),
        ]
        for item in cases {
            let response = try await server.request(.POST, "/api/projects/demo/webhooks", user: item.user, json: item.json)
            #expect(response.status == item.status, "\(item.json): \(response.body)")
            #expect(response.body.contains(item.reason), "\(item.json): \(response.body)")
        }
        let missing = try await server.request(
            .POST, "/api/projects/nope/webhooks", user: server.admin, json: #"{"url":"http://example.com/","secret":"s"}"#)
        #expect(missing.status == 404)
        let list = try await server.request(.GET, "/api/projects/demo/webhooks", user: server.admin)
        #expect(list.status == 200)
        #expect(list.body.trimmingCharacters(in: .whitespacesAndNewlines) == "[]")
        #expect(try await server.request(.DELETE, "/api/projects/demo/webhooks/99", user: server.admin).status == 404)
    }

    @Test("the command line adds, lists, reads the log of and deletes a webhook")
    func commandLine() async throws {
        let fixture = try await ReviewFixture.start()
        defer { Task { await fixture.stop() } }
        let receiver = try await WebhookReceiver.start(secret: "cli-secret", in: fixture.directory)
        defer { receiver.stop() }
        let admin = ["GATEHOUSE_URL": fixture.server.baseURL, "GATEHOUSE_USER": "admin", "GATEHOUSE_PASSWORD": TestServer.adminPassword]
        func gatehouse(_ arguments: [String], _ environment: [String: String] = admin) async throws -> (status: Int32, output: String) {
            try await ChildProcess.run(try ServerProcess.executable, ["webhook"] + arguments, environment: environment)
        }
        let added = try await gatehouse(["add", "demo", receiver.url, "--secret", "cli-secret", "--event", "comment-added"])
        #expect(added.status == 0, "\(added.output)")
        #expect(added.output.contains("Added webhook 1 for demo: \(receiver.url) (comment-added)"), "\(added.output)")
        #expect(!added.output.contains("Secret"), "a secret the user chose is not echoed")
        let listed = try await gatehouse(["list", "demo"])
        #expect(listed.output.contains("1  \(receiver.url)  comment-added"), "\(listed.output)")

        #expect(try await fixture.review(fixture.bob, #"{"labels":{"Code-Review":1}}"#).status == 200)
        let received = try await receiver.wait { $0.contains { $0.status == 200 } }
        #expect(received.count == 1 && received.first?.verified == true && received.first?.event == "comment-added")
        var log = try await gatehouse(["deliveries", "demo", "1"])
        for _ in 0..<100 where !log.output.contains("delivered") {
            try await Task.sleep(for: .milliseconds(20))
            log = try await gatehouse(["deliveries", "demo", "1"])
        }
        #expect(log.output.contains("comment-added") && log.output.contains("delivered") && log.output.contains("HTTP 200"), "\(log.output)")

        let carol = ["GATEHOUSE_URL": fixture.server.baseURL, "GATEHOUSE_USER": fixture.carol.0, "GATEHOUSE_PASSWORD": fixture.carol.1]
        let refused = try await gatehouse(["delete", "demo", "1"], carol)
        #expect(refused.status != 0)
        #expect(refused.output.contains("administrator"), "\(refused.output)")
        #expect(try await gatehouse(["delete", "demo", "1"]).status == 0)
        #expect(try await gatehouse(["list", "demo"]).output.contains("No webhooks for demo."))
    }

    @Test("an event whose delivery had not gone out before kill -9 is delivered once the server is back")
    func killNineBeforeDelivery() async throws {
        let directory = try TestDirectory("webhook-crash")
        defer { directory.remove() }
        let data = directory.file("data")
        let port = freePort()
        var server = try await ServerProcess(dataDirectory: data, port: port, databaseURL: nil, extraArguments: ["--demo"])
        let admin = ("admin", TestServer.adminPassword)
        // The receiver is not up yet: every attempt before the crash is refused.
        let receiverPort = freePort()
        let hook = #"{"url":"http://127.0.0.1:\#(receiverPort)/hook","secret":"k","events":["patchset-created"]}"#
        #expect(try await ServerProcess.post(server.baseURL + "/api/projects/demo/webhooks", user: admin, json: hook).0 == 201)
        let work = try await GitWorkTree.clone(server.baseURL + "/demo", in: directory)
        try await work.commit(GitWorkTree.message("Survive"), file: "k.txt")
        #expect(try await work.push("http://admin:\(TestServer.adminPassword)@127.0.0.1:\(port)/demo", "HEAD:refs/for/main").succeeded)
        server.kill9()

        let receiver = try await WebhookReceiver.start(secret: "k", on: receiverPort, in: directory)
        defer { receiver.stop() }
        server = try await ServerProcess(dataDirectory: data, port: port, databaseURL: nil)
        defer { _ = server.terminate() }
        let requests = try await receiver.wait(timeout: .seconds(30)) { $0.contains { $0.status == 200 } }
        #expect(requests.filter { $0.status == 200 }.count == 1)
        #expect(requests.allSatisfy { $0.verified == true })
        #expect(requests.first?.body.contains("\"subject\":\"Survive\"") == true)
    }
}
