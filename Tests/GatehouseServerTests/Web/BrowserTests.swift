import Foundation
import GatehouseServer
import GatehouseTesting
import Testing

/// The whole review in a real headless Chromium (Tests/Web/browser_review.py through WebDriver): sign in, open
/// the change, comment on a line, approve, and watch /status until the gate merged it. The screenshots are
/// kept in `.build/test-artifacts/web-ui/`.
@Suite(.timeLimit(.minutes(5)), .enabled(if: BrowserEnvironment.isAvailable || TestBackend.isCI, "needs chromium, chromium-driver and selenium (the README's test command)"))
struct BrowserTests {
    static var packageRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    @Test("a core reviewer signs in, comments, approves and watches the gate merge the change")
    func reviewInTheBrowser() async throws {
        // setup: gate builds take a moment, so the queue can be seen on /status
        let f = try await GateFixture.start(jobs: """
            jobs:
              - name: unit
                run: if [ "$GATEHOUSE_PIPELINE" = gate ]; then sleep 3; fi
            pipelines:
              check: [unit]
              gate: [unit]
            """)
        defer { Task { await f.stop() } }
        let change = try await f.propose("Say hello <b>politely</b>", file: "hello.py", content: "print('hello')\nprint('world')\n")
        try await f.waitForVerified(change, 1)
        let venv = try #require(InteropEnvironment.venv, "CI must run the browser test: use the README's test command")
        let shots = Self.packageRoot.appendingPathComponent(".build/test-artifacts/web-ui").path

        // act
        let (status, output) = try await ChildProcess.run("\(venv)/bin/python", [
            Self.packageRoot.appendingPathComponent("Tests/Web/browser_review.py").path, f.server.baseURL, f.bob.0, f.bob.1,
            "/c/demo/+/\(change)", "hello.py", shots,
        ])

        // check: what the browser saw, and what the server recorded
        #expect(status == 0, "\(output)")
        let line = output.split(separator: "\n").last.map(String.init) ?? ""
        let seen = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any], "\(output)")
        #expect(seen["signed_in_as"] as? String == "Bob")
        #expect((seen["draft"] as? String)?.contains("Draft") == true)
        #expect((seen["comment"] as? String)?.contains("maybe add a docstring") == true, "the reply published the draft")
        #expect(seen["drafts_left"] as? Int == 0)
        #expect((seen["votes"] as? String)?.contains("+2 Bob") == true, "\(seen["votes"] ?? "")")
        #expect((seen["queued"] as? String)?.contains("\(change),1") == true)
        #expect(seen["status"] as? String == "Merged")
        let detail = try await f.change(change)
        #expect(detail["status"] as? String == "MERGED")
        #expect(try await f.messages(change).contains { $0.contains("Looks good, ship it.") })
        #expect(FileManager.default.fileExists(atPath: "\(shots)/08-merged.png"))
    }
}

enum BrowserEnvironment {
    static var isAvailable: Bool {
        InteropEnvironment.isAvailable && FileManager.default.isExecutableFile(atPath: "/usr/bin/chromedriver")
    }
}
