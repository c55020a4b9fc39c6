import Foundation
import GatehouseCore
import GatehouseGit
import GatehouseServer
import GatehouseTesting
import NIOHTTP1
import Testing

@Suite(.timeLimit(.minutes(5))) struct ConcurrentPushTests {
    @Test("20 clients pushing different commits at the same moment all get distinct changes", arguments: TestBackend.available)
    func twentyPushers(backend: TestBackend) async throws {
        // setup: 20 clones, each with its own commit
        let server = try await TestServer.start(backend) { $0.seedDemo = true }
        let directory = try TestDirectory("clients")
        defer { directory.remove() }
        var clones: [GitWorkTree] = []
        for index in 0..<20 {
            let work = try await GitWorkTree.clone(server.url("demo"), in: directory, name: "c\(index)")
            try await work.commit(GitWorkTree.message("Parallel change \(index)"), file: "f\(index).txt")
            clones.append(work)
        }
        let url = server.url("demo", user: server.admin)

        // act
        let outputs = try await withThrowingTaskGroup(of: GitOutput.self) { group in
            for work in clones { group.addTask { try await work.push(url, "HEAD:refs/for/main") } }
            return try await group.reduce(into: []) { $0.append($1) }
        }

        // check
        let failures = outputs.filter { !$0.succeeded }.map(\.all)
        #expect(failures.isEmpty, "\(failures)")
        let list = try #require(try TestServer.gerritJSON(try await server.request(.GET, "/changes/?q=status:open").body) as? [[String: Any]])
        #expect(Set(list.compactMap { $0["_number"] as? Int }) == Set(1...20))
        #expect(Set(list.compactMap { $0["subject"] as? String }).count == 20)
        await server.stop()
    }
}
