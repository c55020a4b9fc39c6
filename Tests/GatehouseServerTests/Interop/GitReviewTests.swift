import Foundation
import GatehouseGit
import GatehouseServer
import GatehouseTesting
import NIOHTTP1
import Testing

/// git-review, installed from PyPI, against a live Gatehouse over HTTP (`scheme=http` in `.gitreview`).
@Suite(.timeLimit(.minutes(5)), .enabled(if: InteropEnvironment.isAvailable || TestBackend.isCI, "needs GATEHOUSE_TEST_VENV (the README's test command sets it)"))
struct GitReviewTests {
    @Test("git review -s, git review -t with reviewers, -l, -d N and -d N,P")
    func gitReview() async throws {
        let venv = try #require(InteropEnvironment.venv, "CI must run the interoperability tests: use the README's test command")
        let server = try await TestServer.start { $0.seedDemo = true }
        let directory = try TestDirectory("git-review")
        defer { directory.remove() }
        let alice = try await server.createUser("alice")
        _ = try await server.createUser("bob")

        // A person's machine: a home with git config, credentials in a store, git-review on PATH.
        let home = directory.file("home")
        try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
        try "http://alice:\(alice.1)@127.0.0.1:\(server.port)\n".write(toFile: "\(home)/.git-credentials", atomically: true, encoding: .utf8)
        try """
            [user]
            \tname = Alice
            \temail = alice@example.com
            [credential]
            \thelper = store
            [gitreview]
            \tusername = alice
            [init]
            \tdefaultBranch = main
            """.write(toFile: "\(home)/.gitconfig", atomically: true, encoding: .utf8)
        let environment = [
            "HOME": home, "PATH": "\(venv)/bin:" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"),
            "GIT_CONFIG_NOSYSTEM": "1", "GIT_TERMINAL_PROMPT": "0", "GIT_CONFIG_GLOBAL": "\(home)/.gitconfig",
        ]
        let git = try #require(["/usr/bin/git", "/usr/local/bin/git", "/bin/git"].first { FileManager.default.isExecutableFile(atPath: $0) })
        func run(_ arguments: [String], in folder: String) async throws -> String {
            let (status, output) = try await ChildProcess.run(git, arguments, in: folder, environment: environment)
            #expect(status == 0, "git \(arguments.joined(separator: " ")) failed:\n\(output)")
            return output
        }
        _ = try await run(["clone", "--quiet", "\(server.baseURL)/demo", "demo"], in: directory.path)
        let work = directory.file("demo")
        _ = try await run(["config", "gitreview.branch", "main"], in: work)

        // -s: adds the gerrit remote (checked with a dry-run push) and installs the hook
        _ = try await run(["review", "-s"], in: work)
        #expect(FileManager.default.isExecutableFile(atPath: "\(work)/.git/hooks/commit-msg"))
        #expect(try await run(["remote", "get-url", "gerrit"], in: work).contains("127.0.0.1:\(server.port)/demo"))

        // a change with topic and reviewer, pushed by git review
        try "git-review was here\n".write(toFile: "\(work)/gr.txt", atomically: true, encoding: .utf8)
        _ = try await run(["add", "gr.txt"], in: work)
        _ = try await run(["commit", "--quiet", "-m", "Add gr.txt"], in: work)
        let pushed = try await run(["review", "-t", "gr-topic", "--reviewers", "bob"], in: work)
        #expect(pushed.contains("/c/demo/+/1"), "\(pushed)")
        let change = try #require(try TestServer.gerritJSON(try await server.request(.GET, "/a/changes/1/detail", user: alice).body) as? [String: Any])
        #expect(change["topic"] as? String == "gr-topic")
        #expect(((change["reviewers"] as? [String: [[String: Any]]])?["REVIEWER"])?.first?["username"] as? String == "bob")

        // a second patch set, then -l and -d
        try "git-review was here twice\n".write(toFile: "\(work)/gr.txt", atomically: true, encoding: .utf8)
        _ = try await run(["commit", "--quiet", "-a", "--amend", "--no-edit"], in: work)
        _ = try await run(["review"], in: work)
        let listing = try await run(["review", "-l"], in: work)
        #expect(listing.contains("Add gr.txt"), "\(listing)")
        _ = try await run(["review", "-d", "1"], in: work)
        let revisions = try #require(try TestServer.gerritJSON(try await server.request(.GET, "/changes/1?o=ALL_REVISIONS").body) as? [String: Any])
        let current = try #require(revisions["current_revision"] as? String)
        #expect(try await run(["rev-parse", "HEAD"], in: work).trimmingCharacters(in: .whitespacesAndNewlines) == current)
        _ = try await run(["review", "-d", "1,1"], in: work)
        let first = (revisions["revisions"] as? [String: [String: Any]])?.first { $0.value["_number"] as? Int == 1 }?.key
        #expect(try await run(["rev-parse", "HEAD"], in: work).trimmingCharacters(in: .whitespacesAndNewlines) == first)
        await server.stop()
    }
}
