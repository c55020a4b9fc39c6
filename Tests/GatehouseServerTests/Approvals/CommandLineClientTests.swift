import Foundation
import GatehouseGit
import GatehouseTesting
import NIOHTTP1
import Testing

/// The `gatehouse` command line as a reviewer uses it: credentials from the environment or ~/.netrc.
@Suite(.timeLimit(.minutes(3))) struct CommandLineClientTests {
    private func gatehouse(_ arguments: [String], _ environment: [String: String]) async throws -> (status: Int32, output: String) {
        try await ChildProcess.run(try ServerProcess.executable, arguments, environment: environment)
    }

    @Test("review, changes, abandon and restore, for people and for scripts")
    func conversation() async throws {
        let f = try await ReviewFixture.start()
        let bob = ["GATEHOUSE_URL": f.server.baseURL, "GATEHOUSE_USER": f.bob.0, "GATEHOUSE_PASSWORD": f.bob.1]

        let reviewed = try await gatehouse(["review", "1", "--code-review", "2", "--workflow", "1", "-m", "Ship it"], bob)
        #expect(reviewed.status == 0, "\(reviewed.output)")
        #expect(reviewed.output.contains("Reviewed change 1: Code-Review+2 Workflow+1"))
        #expect(reviewed.output.contains("✗ Verified: needs Verified +1 from Service Users"))
        #expect(reviewed.output.contains("✓ Code-Review: Code-Review +2 from bob"))

        let listed = try await gatehouse(["changes", "status:open", "project:demo"], bob)
        #expect(listed.status == 0)
        #expect(listed.output.contains("demo/main  alice: Say hello"), "\(listed.output)")
        let json = try await gatehouse(["changes", "--json", "owner:alice"], bob)
        #expect(json.output.hasPrefix("[") && json.output.contains("\"_number\":1"), "\(json.output.prefix(200))")

        let refused = try await gatehouse(["review", "1", "--verified", "1"], bob)
        #expect(refused.status != 0)
        #expect(refused.output.contains(#"Applying label "Verified": +1 is restricted"#), "\(refused.output)")

        // alice keeps her password in ~/.netrc, as pygerrit2 users do
        let home = f.directory.file("home")
        try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
        try "machine 127.0.0.1\n  login alice\n  password \(f.alice.1)\n".write(toFile: "\(home)/.netrc", atomically: true, encoding: .utf8)
        let alice = ["GATEHOUSE_URL": f.server.baseURL, "HOME": home, "GATEHOUSE_USER": "", "GATEHOUSE_PASSWORD": ""]
        let abandoned = try await gatehouse(["abandon", "1", "-m", "Not needed"], alice)
        #expect(abandoned.status == 0, "\(abandoned.output)")
        #expect(abandoned.output.contains("Abandoned change 1: Say hello"))
        let restored = try await gatehouse(["restore", "1"], alice)
        #expect(restored.output.contains("Restored change 1"), "\(restored.output)")
        let twice = try await gatehouse(["restore", "1"], alice)
        #expect(twice.status != 0)
        #expect(twice.output.contains("change is new"))

        let unconfigured = try await gatehouse(["changes"], ["GATEHOUSE_URL": ""])
        #expect(unconfigured.status != 0)
        #expect(unconfigured.output.contains("set GATEHOUSE_URL"))
        await f.stop()
    }
}
