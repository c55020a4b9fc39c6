#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Foundation
import GatehouseGit
import GatehouseTesting
import Testing

/// Invariants 1 and 3 under crashes: the real binary, killed with SIGKILL at random points of a gate run.
@Suite(.timeLimit(.minutes(6))) struct GateCrashTests {
    @Test("after kill -9 at many points of a gate run, every approved change merges exactly once, and main only moves to tested commits",
          arguments: TestBackend.available)
    func killNineDuringGateRun(backend: TestBackend) async throws {
        // setup
        let directory = try TestDirectory("gate-crash")
        defer { directory.remove() }
        let database = backend == .postgres ? try await TestDatabase.createPostgresDatabase() : nil
        let data = directory.file("data")
        let port = freePort()
        let arguments = ["--demo", "--executor-slots", "4"]
        var server = try await ServerProcess(dataDirectory: data, port: port, databaseURL: database?.url, extraArguments: arguments)
        let admin = ("admin", TestServer.adminPassword)
        let created = try await Self.send("PUT", server.baseURL + "/a/accounts/bob", user: admin,
            json: #"{"name":"Bob","http_password":"bob-secret","groups":["demo-core"]}"#)
        #expect(created.0 == 201)
        var changes: [Int] = []
        for index in 1...6 {
            let work = try await GitWorkTree.clone(server.baseURL + "/demo", in: directory, name: "w\(index)")
            try await work.commit(GitWorkTree.message("Change \(index)"), file: "f\(index).txt", content: "\(index)\n")
            let push = try await work.push("http://admin:\(TestServer.adminPassword)@127.0.0.1:\(port)/demo", "HEAD:refs/for/main")
            #expect(push.succeeded, "\(push.all)")
            changes.append(index)
        }
        try await Self.waitUntil(timeout: .seconds(60)) {
            try await changes.asyncAllSatisfy { try await Self.verified($0, server: server) == 1 }
        }

        // act: approve everything, then kill the server again and again while the gate works
        for change in changes {
            let review = try await Self.send("POST", server.baseURL + "/a/changes/\(change)/revisions/current/review", user: ("bob", "bob-secret"),
                json: #"{"labels":{"Code-Review":2,"Workflow":1}}"#)
            #expect(review.0 == 200)
        }
        for _ in 0..<6 {
            try await Task.sleep(for: .milliseconds(Int.random(in: 30...400)))
            server.kill9()
            let tip = try await Self.tip(data: data)
            server = try await ServerProcess(dataDirectory: data, port: port, databaseURL: database?.url, extraArguments: arguments)
            // main never points at a commit the gate did not test (checked after every crash)
            if let tip, tip != (try await Self.history(data: data).first) {
                #expect(try await Self.testedCommits(changes, server: server).contains(tip), "main points at untested \(tip)")
            }
        }

        // check
        try await Self.waitUntil(timeout: .seconds(120)) {
            try await changes.asyncAllSatisfy { try await Self.detail($0, server: server)["status"] as? String == "MERGED" }
        }
        let history = try await Self.history(data: data)
        #expect(history.count == 1 + changes.count, "one move per change, none twice: \(history)")
        let tested = try await Self.testedCommits(changes, server: server)
        for commit in history.dropFirst() { #expect(tested.contains(commit), "main moved to untested \(commit)") }
        for change in changes {
            let messages = (try await Self.detail(change, server: server)["messages"] as? [[String: Any]] ?? []).compactMap { $0["message"] as? String }
            #expect(messages.filter { $0.hasPrefix("Change has been successfully merged") }.count == 1, "change \(change)")
        }
        #expect(server.terminate() == 0)
        if let database { await TestDatabase.placeholder(backend: .postgres, url: database.url, name: database.name).remove() }
    }

    /// Commits on which every gate job of the demo passed, for any of the changes.
    static func testedCommits(_ changes: [Int], server: ServerProcess) async throws -> Set<String> {
        var jobs: [String: Set<String>] = [:]
        for change in changes {
            let (_, body) = try await ServerProcess.get(server.baseURL + "/api/changes/\(change)/builds")
            for build in try JSONSerialization.jsonObject(with: body) as? [[String: Any]] ?? []
            where build["pipeline"] as? String == "gate" && build["result"] as? String == "SUCCESS" {
                jobs[build["commit"] as? String ?? "", default: []].insert(build["job"] as? String ?? "")
            }
        }
        return Set(jobs.filter { $0.value == ["build", "no-fixme"] }.keys)
    }

    static func history(data: String) async throws -> [String] {
        try await Git().checked(["log", "-g", "--format=%H", "refs/heads/main"], in: "\(data)/git/demo.git").lines.map(String.init).reversed()
    }

    static func tip(data: String) async throws -> String? {
        let output = try await Git().run(["rev-parse", "refs/heads/main"], in: "\(data)/git/demo.git")
        return output.succeeded ? output.text : nil
    }

    static func detail(_ change: Int, server: ServerProcess) async throws -> [String: Any] {
        let (_, body) = try await ServerProcess.get(server.baseURL + "/changes/\(change)/detail")
        return try TestServer.gerritJSON(String(decoding: body, as: UTF8.self)) as? [String: Any] ?? [:]
    }

    static func verified(_ change: Int, server: ServerProcess) async throws -> Int? {
        let labels = try await detail(change, server: server)["labels"] as? [String: [String: Any]]
        return (labels?["Verified"]?["all"] as? [[String: Any]] ?? []).first { $0["username"] as? String == "gatehouse-ci" }?["value"] as? Int
    }

    static func send(_ method: String, _ url: String, user: (String, String), json: String) async throws -> (Int, String) {
        var request = URLRequest(url: URL(string: url)!)
        request.httpMethod = method
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        request.setValue("Basic " + Data("\(user.0):\(user.1)".utf8).base64EncodedString(), forHTTPHeaderField: "Authorization")
        request.httpBody = Data(json.utf8)
        let (data, response) = try await URLSession.shared.data(for: request)
        return ((response as? HTTPURLResponse)?.statusCode ?? 0, String(decoding: data, as: UTF8.self))
    }

    static func waitUntil(timeout: Duration, _ condition: () async throws -> Bool) async throws {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if (try? await condition()) == true { return }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw TestSetupError("timed out")
    }
}

extension Array where Element == Int {
    func asyncAllSatisfy(_ predicate: (Int) async throws -> Bool) async throws -> Bool {
        for element in self where try await !predicate(element) { return false }
        return true
    }
}
