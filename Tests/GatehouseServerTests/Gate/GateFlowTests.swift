import Foundation
import GatehouseCore
import GatehouseGit
import GatehouseServer
import GatehouseTesting
import NIOHTTP1
import Testing

/// The gated trunk end to end: real git, a real database, real jobs under bubblewrap.
@Suite(.timeLimit(.minutes(5))) struct GateFlowTests {
    @Test("three approved changes merge on their own, and main only ever points at commits the gate tested", arguments: TestBackend.available)
    func threeChangesMerge(backend: TestBackend) async throws {
        // setup
        let f = try await GateFixture.start(backend)
        var changes: [Int] = []
        for name in ["alpha", "beta", "gamma"] {
            changes.append(try await f.propose("Add \(name)", file: "\(name).txt", content: "\(name)\n"))
        }
        for change in changes { try await f.waitForVerified(change, 1) }

        // act
        for change in changes { try await f.approve(change) }

        // check
        for change in changes { try await f.waitForStatus(change, "MERGED") }
        let history = try await f.branchHistory()
        #expect(history.count == 4, "the initial commit, then one move per change: \(history)")
        var tested: [String: Set<String>] = [:]  // commit → gate jobs that passed on it
        for change in changes {
            for build in try await f.builds(change) where build.pipeline == "gate" && build.result == "SUCCESS" {
                tested[build.commit, default: []].insert(build.job)
            }
            let merged = try await f.messages(change).filter { $0.hasPrefix("Change has been successfully merged") }
            #expect(merged.count == 1, "change \(change) reported merged \(merged.count) times")
        }
        for commit in history.dropFirst() {
            #expect(tested[commit] == ["build", "no-fixme"], "main moved to \(commit), which the gate did not test with every job")
        }
        try await f.work.checked(["fetch", "--quiet", "origin"])
        let files = try await f.work.checked(["ls-tree", "--name-only", "origin/main"]).text
        #expect(files.contains("alpha.txt") && files.contains("beta.txt") && files.contains("gamma.txt"))
        await f.stop()
    }

    @Test("a change that only fails on top of the one ahead is ejected with its logs; the others merge")
    func failingChangeEjected() async throws {
        // setup: a job that fails when a.txt and b.txt are both present, and takes long enough in the gate for
        // all three approvals to queue up behind the first
        let f = try await GateFixture.start(jobs: """
            jobs:
              - name: unit
                run:
                  - if [ "$GATEHOUSE_PIPELINE" = gate ]; then sleep 2; fi
                  - test ! -e a.txt || test ! -e b.txt
            pipelines:
              check: [unit]
              gate: [unit]
            """)
        let one = try await f.propose("Add a", file: "a.txt", content: "a\n")
        let two = try await f.propose("Add b", file: "b.txt", content: "b\n")
        let three = try await f.propose("Add c", file: "c.txt", content: "c\n")
        for change in [one, two, three] { try await f.waitForVerified(change, 1) }

        // act
        for change in [one, two, three] { try await f.approve(change) }

        // check
        try await f.waitForStatus(one, "MERGED")
        try await f.waitForStatus(three, "MERGED")
        try await f.waitForVerified(two, -1)
        #expect(try await f.change(two)["status"] as? String == "NEW")
        let report = try #require(try await f.messages(two).first { $0.contains("Build failed (gate pipeline)") })
        #expect(report.contains("job unit failed"))
        #expect(report.contains("/logs/"))
        let twoBuilds = try await f.builds(two).filter { $0.pipeline == "gate" }
        #expect(twoBuilds.map(\.result) == ["RETRY", "FAILURE"], "a failure is retried once before it counts")
        // The first attempt ran on top of one; the retry may already find one merged.
        #expect(twoBuilds.first?.changes == "\(one),1 \(two),1", "\(twoBuilds.map(\.changes))")
        let threeLanded = try await f.builds(three).filter { $0.pipeline == "gate" && $0.result == "SUCCESS" }.map(\.changes)
        #expect(threeLanded.last?.hasSuffix("\(three),1") == true && threeLanded.last?.contains("\(two),1") == false,
                "three was rebuilt without the failing change: \(threeLanded)")
        let history = try await f.branchHistory()
        #expect(history.count == 4)  // initial, the jobs, one, three
        await f.stop()
    }

    @Test("the check pipeline votes on every new patch set, with each job's log, and again on recheck")
    func checkOnEveryPatchSet() async throws {
        let f = try await GateFixture.start()
        let key = "I" + String(repeating: "5", count: 40)
        let change = try await f.propose("Say hello", file: "hello.txt", content: "hello\n", key: key)
        try await f.waitForVerified(change, 1)
        let passed = try #require(try await f.messages(change).first { $0.contains("Build succeeded (check pipeline)") })
        #expect(passed.contains("build") && passed.contains("no-fixme") && passed.contains("SUCCESS"))

        // patch set 2 adds a FIXME: the check fails, and the log shows why
        _ = try await f.propose("Say hello", file: "hello.txt", content: "hello FIXME\n", key: key)
        try await f.waitForVerified(change, -1)
        let failed = try #require(try await f.messages(change).first { $0.contains("Build failed (check pipeline)") })
        let logPath = try #require(failed.split(separator: " ").first { $0.contains("/logs/") && failed.contains("no-fixme \($0)") })
        let log = try await f.server.request(.GET, String(logPath.dropFirst(f.server.baseURL.count)))
        #expect(log.status == 200)
        #expect(log.body.contains("hello.txt:1:hello FIXME"))

        // a recheck runs the jobs again on the same patch set
        let before = try await f.builds(change).filter { $0.pipeline == "check" }.count
        let recheck = try await f.server.request(.POST, "/a/changes/\(change)/revisions/current/review", user: f.alice, json: #"{"message":"recheck"}"#)
        #expect(recheck.status == 200)
        try await f.waitUntil("a recheck", timeout: .seconds(30)) {
            try await f.builds(change).filter { $0.pipeline == "check" && $0.result != "RUNNING" }.count >= before + 2
        }
        #expect(try await f.verified(change) == -1)
        await f.stop()
    }

    @Test("an invalid .gatehouse.yaml is reported on the change with its line")
    func invalidConfiguration() async throws {
        let f = try await GateFixture.start()
        let change = try await f.propose("Break the jobs", file: ".gatehouse.yaml", content: "jobs:\n  - name: unit\n    rnu: true\n")
        try await f.waitForVerified(change, -1)
        let message = try #require(try await f.messages(change).first { $0.contains("invalid configuration") })
        #expect(message.contains(".gatehouse.yaml line 3"), "\(message)")
        await f.stop()
    }

    @Test("a change that no longer merges onto the change ahead fails at once, naming the conflicting file")
    func mergeConflict() async throws {
        let f = try await GateFixture.start()
        let one = try await f.propose("Reword the README", file: "README.md", content: "one\n")
        let two = try await f.propose("Reword the README differently", file: "README.md", content: "two\n")
        for change in [one, two] { try await f.waitForVerified(change, 1) }
        try await f.approve(one)
        try await f.approve(two)
        try await f.waitForStatus(one, "MERGED")
        try await f.waitForVerified(two, -1)
        let report = try #require(try await f.messages(two).first { $0.contains("Build failed (gate pipeline)") })
        #expect(report.contains("merge conflict in README.md"), "\(report)")
        #expect(try await f.builds(two).contains { $0.pipeline == "gate" && $0.result == "MERGE_CONFLICT" })
        await f.stop()
    }

    @Test("the status API shows the queue while a job is held, and a new patch set removes the item with a message")
    func statusAndDequeue() async throws {
        // setup: gate builds wait for a file the test writes into their workspace
        let f = try await GateFixture.start(jobs: """
            jobs:
              - name: quick
                run: "true"
              - name: held
                run: while [ -e held.txt ] && [ ! -e release ]; do sleep 0.05; done
                timeout: 2m
            pipelines:
              check: [quick]
              gate: [held]
            """)
        let key = "I" + String(repeating: "7", count: 40)
        let change = try await f.propose("Held", file: "held.txt", content: "1\n", key: key)
        let unverified = try await f.propose("Has a veto", file: "veto.txt", content: "1\n")
        try await f.waitForVerified(change, 1)
        try await f.waitForVerified(unverified, 1)
        try await f.approve(change)
        let veto = try await f.server.request(
            .POST, "/a/changes/\(unverified)/revisions/current/review", user: f.bob, json: #"{"labels":{"Code-Review":-2,"Workflow":1}}"#)
        #expect(veto.status == 200)

        // check: the item runs at the head, its job has a log URL, and the vetoed change says what it misses
        try await f.waitUntil("the held build to run", timeout: .seconds(30)) {
            let queues = try await f.status()["queues"] as? [[String: Any]] ?? []
            let items = queues.first?["items"] as? [[String: Any]] ?? []
            return (items.first?["jobs"] as? [[String: Any]])?.first?["state"] as? String == "running"
        }
        let status = try await f.status()
        let queue = try #require((status["queues"] as? [[String: Any]])?.first)
        #expect(queue["project"] as? String == "demo")
        #expect(queue["window"] as? Int == 21, "Zuul's 20, plus one for the fixture's own merge")
        let item = try #require((queue["items"] as? [[String: Any]])?.first)
        #expect(item["id"] as? String == "\(change),1")
        #expect(item["builds_on"] as? String == "")
        let job = try #require((item["jobs"] as? [[String: Any]])?.first)
        #expect((job["log_url"] as? String)?.contains("/logs/") == true)
        let outside = try #require(status["not_enqueued"] as? [[String: Any]])
        #expect(outside.contains { ($0["change"] as? Int) == unverified
            && ($0["missing"] as? [String])?.contains("Code-Review: blocked by Code-Review -2 from bob") == true })

        // act: a new patch set while the build is held
        _ = try await f.propose("Held", file: "held.txt", content: "2\n", key: key)

        // check
        try await f.waitUntil("the dequeue message", timeout: .seconds(30)) {
            try await f.messages(change).contains("Removed from the gate: a new patch set was uploaded.")
        }
        try await f.waitUntil("the held build to be aborted", timeout: .seconds(30)) {
            try await f.builds(change).contains { $0.pipeline == "gate" && $0.job == "held" && $0.result == "ABORTED" }
        }
        #expect(try await f.change(change)["status"] as? String == "NEW")
        await f.stop()
    }
}

/// The gate's edges: per-project merge strategies, a branch moved behind its back.
@Suite(.timeLimit(.minutes(5))) struct GateStrategyTests {
    @Test("cherry-pick lands a linear history of tested commits; fast-forward-only refuses a change that is not one")
    func strategies() async throws {
        let f = try await GateFixture.start()
        let refused = try await f.server.request(.PUT, "/a/projects/demo/gate", user: f.bob, json: #"{"merge_strategy":"CHERRY_PICK"}"#)
        #expect(refused.status == 403, "only administrators choose how changes land")
        let unknown = try await f.server.request(.PUT, "/a/projects/demo/gate", user: f.server.admin, json: #"{"merge_strategy":"SQUASH"}"#)
        #expect(unknown.status == 400 && unknown.body.contains("unknown merge strategy \"SQUASH\""))
        let set = try await f.server.request(.PUT, "/a/projects/demo/gate", user: f.server.admin, json: #"{"merge_strategy":"CHERRY_PICK"}"#)
        #expect(set.status == 200 && set.body.contains(#""merge_strategy":"CHERRY_PICK""#), "\(set.body)")

        // two changes on the same parent: the second is replayed onto the first
        let one = try await f.propose("Add one", file: "one.txt", content: "1\n")
        let two = try await f.propose("Add two", file: "two.txt", content: "2\n")
        for change in [one, two] { try await f.waitForVerified(change, 1) }
        for change in [one, two] { try await f.approve(change) }
        for change in [one, two] { try await f.waitForStatus(change, "MERGED") }
        let history = try await f.branchHistory()
        let repository = "\(f.server.server.configuration.repositoryRoot)/\(f.project).git"
        for commit in history.suffix(2) {
            let parents = try await Git().checked(["rev-list", "--parents", "-n", "1", commit], in: repository).text.split(separator: " ").count - 1
            #expect(parents == 1, "cherry-picking makes no merge commits")
        }
        let tested = try await f.builds(two).filter { $0.pipeline == "gate" && $0.result == "SUCCESS" }.map(\.commit)
        #expect(tested.contains(history.last!), "the landed commit is the one the gate tested")

        // fast-forward only: a change whose parent is no longer the tip fails at the head and says why
        _ = try await f.server.request(.PUT, "/a/projects/demo/gate", user: f.server.admin, json: #"{"merge_strategy":"FAST_FORWARD_ONLY"}"#)
        try await f.work.checked(["fetch", "--quiet", "origin"])
        let base = try await f.work.checked(["rev-parse", "origin/main"]).text.trimmingCharacters(in: .whitespacesAndNewlines)
        let three = try await f.propose("Add three", file: "three.txt", content: "3\n", on: base)
        let four = try await f.propose("Add four", file: "four.txt", content: "4\n", on: base)
        for change in [three, four] { try await f.waitForVerified(change, 1) }
        for change in [three, four] { try await f.approve(change) }
        try await f.waitForStatus(three, "MERGED")
        try await f.waitForVerified(four, -1)
        let report = try #require(try await f.messages(four).first { $0.contains("Build failed (gate pipeline)") })
        #expect(report.contains("not a fast-forward"), "\(report)")
        await f.stop()
    }

    @Test("a branch moved outside the gate makes every queued item rebuild on the new tip")
    func branchMovedOutside() async throws {
        // setup: the gate job waits until the branch it was built on contains moved.txt
        let f = try await GateFixture.start(jobs: """
            jobs:
              - name: quick
                run: "true"
              - name: held
                run: while [ -e file.txt ] && [ ! -e moved.txt ]; do sleep 0.05; done
                timeout: 2m
            pipelines:
              check: [quick]
              gate: [held]
            """)
        let change = try await f.propose("Add a file", file: "file.txt", content: "1\n")
        try await f.waitForVerified(change, 1)
        try await f.approve(change)
        try await f.waitUntil("the held build to run", timeout: .seconds(30)) {
            try await f.builds(change).contains { $0.pipeline == "gate" && $0.result == "RUNNING" }
        }

        // act: an operator moves main behind the gate's back, straight into the bare repository
        try await f.work.checked(["fetch", "--quiet", "origin"])
        try await f.work.checked(["checkout", "--quiet", "--detach", "origin/main"])
        let moved = try await f.work.commit("Operator fix\n", file: "moved.txt", content: "moved\n").hex
        let repository = "\(f.server.server.configuration.repositoryRoot)/\(f.project).git"
        try await f.work.checked(["push", "--quiet", repository, "HEAD:refs/heads/main"])

        // check: the stale build is aborted, the rebuild runs on the moved tip, and the change lands on top of it
        try await f.waitForStatus(change, "MERGED")
        let gate = try await f.builds(change).filter { $0.pipeline == "gate" }
        #expect(gate.map(\.result) == ["ABORTED", "SUCCESS"], "\(gate.map(\.result))")
        let landed = try #require(try await f.branchHistory().last)
        #expect(landed == gate.last?.commit)
        let contains = try await Git().run(["merge-base", "--is-ancestor", moved, landed], in: repository)
        #expect(contains.succeeded, "the landed commit contains the operator's commit")
        await f.stop()
    }
}
