import Foundation
import GatehouseCore
import GatehouseGit
import GatehouseServer
import GatehouseStore
import GatehouseTesting
import NIOHTTP1
import Testing

/// "An acknowledged write survives a kill -9": the real binary, killed with SIGKILL, restarted on its data.
@Suite(.timeLimit(.minutes(5))) struct CrashSafetyTests {
    @Test("every push that printed New Changes is there after kill -9 and restart, even with pushes in flight", arguments: TestBackend.available)
    func killNine(backend: TestBackend) async throws {
        // setup
        let directory = try TestDirectory("crash")
        defer { directory.remove() }
        let database = backend == .postgres ? try await TestDatabase.createPostgresDatabase() : nil
        let data = directory.file("data")
        let port = freePort()
        var server = try await ServerProcess(dataDirectory: data, port: port, databaseURL: database?.url, extraArguments: ["--demo"])
        let url = "http://admin:\(TestServer.adminPassword)@127.0.0.1:\(port)/demo"
        var clones: [GitWorkTree] = []
        for index in 0..<12 {
            let work = try await GitWorkTree.clone(server.baseURL + "/demo", in: directory, name: "c\(index)")
            try await work.commit(GitWorkTree.message("Change \(index)"), file: "f\(index).txt")
            clones.append(work)
        }

        // act: two acknowledged pushes, then ten concurrent ones and a kill -9 while they run
        for work in clones.prefix(2) {
            let push = try await work.push(url, "HEAD:refs/for/main")
            #expect(push.succeeded, "\(push.all)")
        }
        let racing = Array(clones.dropFirst(2))
        let inFlight = Task {
            try await withThrowingTaskGroup(of: (CommitID, Bool).self) { group in
                for work in racing {
                    group.addTask { (try await work.head(), try await work.push(url, "HEAD:refs/for/main").succeeded) }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
        }
        try await Task.sleep(for: .milliseconds(Int.random(in: 50...250)))
        server.kill9()
        let outcomes = try await inFlight.value
        server = try await ServerProcess(dataDirectory: data, port: port, databaseURL: database?.url)

        // check: every acknowledged commit is a patch set with its ref; nothing half-written
        var acknowledged: [CommitID] = []
        for work in clones.prefix(2) { acknowledged.append(try await work.head()) }
        acknowledged += outcomes.filter(\.1).map(\.0)
        let (_, body) = try await ServerProcess.get(server.baseURL + "/changes/?q=status:open&o=CURRENT_REVISION")
        let list = try #require(try TestServer.gerritJSON(String(decoding: body, as: UTF8.self)) as? [[String: Any]])
        let stored = Set(list.compactMap { $0["current_revision"] as? String })
        for commit in acknowledged { #expect(stored.contains(commit.hex), "acknowledged \(commit.hex) was lost") }
        let refs = try await clones[0].checked(["ls-remote", server.baseURL + "/demo", "refs/changes/*"]).text
        for change in list {
            let number = try #require(change["_number"] as? Int)
            let sha = try #require(change["current_revision"] as? String)
            #expect(refs.contains("\(sha)\t\(PatchSetID(change: number, patchSet: 1).refName)"), "change \(number) has no ref")
        }
        // the restarted server takes new pushes and numbers them after the survivors
        try await clones[0].commit(GitWorkTree.message("After restart"), file: "after.txt")
        let after = try await clones[0].push(url, "HEAD:refs/for/main")
        #expect(after.succeeded, "\(after.all)")
        #expect(server.terminate() == 0)
        if let database { await TestDatabase.placeholder(backend: .postgres, url: database.url, name: database.name).remove() }
    }

    @Test("the default, relative data directory works: serve from a folder, push for review, restart")
    func relativeDataDirectory() async throws {
        let directory = try TestDirectory("relative")
        defer { directory.remove() }
        let port = freePort()
        let server = try await ServerProcess(dataDirectory: "./gatehouse-data", port: port, extraArguments: ["--demo"], workingDirectory: directory.path)
        let work = try await GitWorkTree.clone(server.baseURL + "/demo", in: directory)
        try await work.commit(GitWorkTree.message("From a relative data directory"))
        let push = try await work.push("http://admin:\(TestServer.adminPassword)@127.0.0.1:\(port)/demo", "HEAD:refs/for/main")
        #expect(push.succeeded, "\(push.all)")
        #expect(push.all.contains("New Changes:"))
        #expect(FileManager.default.fileExists(atPath: directory.file("gatehouse-data/git/demo.git/HEAD")))
        #expect(server.terminate() == 0)
    }

    @Test("the first start creates the admin with a generated password in a 0600 file; a restart keeps it")
    func firstStart() async throws {
        let directory = try TestDirectory("first")
        defer { directory.remove() }
        var configuration = ServerConfiguration()
        configuration.dataDirectory = directory.file("data")
        var logger = Logger(label: "test")
        logger.logLevel = .error
        let first = try await GatehouseServer.prepare(configuration, logger: logger)
        let password = try #require(first.generatedAdminPassword)
        try await first.close()
        let file = directory.file("data/admin-password")
        #expect(try String(contentsOfFile: file, encoding: .utf8) == password + "\n")
        let mode = try FileManager.default.attributesOfItem(atPath: file)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        #expect(password.count == 32)

        let second = try await GatehouseServer.prepare(configuration, logger: logger)
        #expect(second.generatedAdminPassword == nil)
        let groups = try await second.store.read { try await $0.groups().map(\.name) }
        #expect(groups == ["Administrators", "Service Users"])
        try await second.close()
    }
}

import Logging
