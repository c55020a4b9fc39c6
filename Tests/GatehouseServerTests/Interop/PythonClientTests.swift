import Foundation
import GatehouseGit
import GatehouseServer
import GatehouseTesting
import NIOHTTP1
import Testing

/// pygerrit2 and python-gerrit-api, installed from PyPI, against a live Gatehouse.
@Suite(.timeLimit(.minutes(5)), .enabled(if: InteropEnvironment.isAvailable || TestBackend.isCI, "needs GATEHOUSE_TEST_VENV (the README's test command sets it)"))
struct PythonClientTests {
    private func python(_ script: String, _ f: ReviewFixture, user: (String, String)) async throws -> [String: Any] {
        let venv = try #require(InteropEnvironment.venv, "CI must run the interoperability tests: use the README's test command")
        let (status, output) = try await ChildProcess.run("\(venv)/bin/python", ["\(InteropEnvironment.scripts)/\(script)", f.server.baseURL, user.0, user.1, "1"])
        #expect(status == 0, "\(script) failed:\n\(output)")
        let line = output.split(separator: "\n").last.map(String.init) ?? ""
        return try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any], "\(output)")
    }

    @Test("pygerrit2: version, self, queries, and a review with labels and inline comments")
    func pygerrit2() async throws {
        let f = try await ReviewFixture.start()
        let result = try await python("pygerrit2_client.py", f, user: f.carol)
        #expect(result["version"] as? String == "3.9.0")
        #expect(result["self"] as? String == "carol")
        #expect(result["comments"] as? [String] == ["pygerrit2 line comment", "pygerrit2 range comment"])
        #expect(result["code_review"] as? String == "carol")
        await f.stop()
    }

    @Test("python-gerrit-api: version, search, get, detail, files, diff, content, patch, review, abandon, restore, submit, accounts, projects")
    func pythonGerritAPI() async throws {
        let f = try await ReviewFixture.start()
        let result = try await python("python_gerrit_api_client.py", f, user: f.alice)
        #expect(result["files"] as? [String] == ["/COMMIT_MSG", "hello.txt"])
        #expect((result["submit_refusal"] as? String)?.hasPrefix("409") == true)  // python-gerrit-api's ConflictError
        #expect(result["self"] as? String == "alice")
        #expect(result["project"] as? String == "demo")
        let detail = try await f.detail()
        #expect(detail["status"] as? String == "NEW")
        let messages = (detail["messages"] as? [[String: Any]] ?? []).compactMap { $0["message"] as? String }
        #expect(messages.contains("Patch Set 1: Code-Review+1\n\n(1 comment)\n\npython-gerrit-api review"))
        #expect(messages.contains("Abandoned") && messages.contains("Restored"))
        await f.stop()
    }
}
