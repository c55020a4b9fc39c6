import Foundation
import GatehouseCore
import GatehouseGit
import GatehouseServer
import GatehouseStore
import GatehouseTesting
import NIOHTTP1
import Testing

/// Bad pushes get Gerrit's wording, change nothing, and leave the server up.
@Suite(.timeLimit(.minutes(5))) struct PushRejectionTests {
    /// A server with the demo project, a clone of it, and the admin's push URL.
    private func fixture(configure: (inout ServerConfiguration) -> Void = { _ in }) async throws -> (TestServer, GitWorkTree, TestDirectory) {
        let server = try await TestServer.start { $0.seedDemo = true; configure(&$0) }
        let directory = try TestDirectory("client")
        return (server, try await GitWorkTree.clone(server.url("demo"), in: directory), directory)
    }

    private func changeCount(_ server: TestServer) async throws -> Int {
        let response = try await server.request(.GET, "/changes/?q=status:open+OR+status:closed")
        return try #require(try TestServer.gerritJSON(response.body) as? [Any]).count
    }

    @Test("a commit without a Change-Id is refused with the hook hint")
    func missingChangeID() async throws {
        let (server, work, directory) = try await fixture()
        defer { directory.remove() }
        try await work.commit("No footer here\n")
        let push = try await work.push(server.url("demo", user: server.admin), "HEAD:refs/for/main")
        #expect(!push.succeeded)
        #expect(push.all.contains("missing Change-Id in message footer"))
        #expect(push.all.contains("Hint: to automatically insert a Change-Id, install the hook:"))
        #expect(push.all.contains("\(server.baseURL)/tools/hooks/commit-msg"))
        #expect(try await changeCount(server) == 0)
        await server.stop()
    }

    @Test("two Change-Ids, a closed change, an unknown branch and an unknown reviewer are refused with their reasons")
    func gerritWording() async throws {
        let (server, work, directory) = try await fixture()
        defer { directory.remove() }
        let url = server.url("demo", user: server.admin)

        try await work.commit("Two ids\n\nChange-Id: \(GitWorkTree.newChangeKey())\nChange-Id: \(GitWorkTree.newChangeKey())\n")
        #expect(try await work.push(url, "HEAD:refs/for/main").all.contains("multiple Change-Id lines in message footer"))
        #expect(try await work.push(url, "HEAD:refs/for/nope").all.contains("branch nope not found"))

        try await work.checked(["reset", "--hard", "origin/main"])
        let key = GitWorkTree.newChangeKey()
        try await work.commit(GitWorkTree.message("Will be abandoned", key: key))
        #expect(try await work.push(url, "HEAD:refs/for/main%r=nobody").all.contains("account \"nobody\" not found"))
        #expect(try await work.push(url, "HEAD:refs/for/main%submit").all.contains("not supported"))
        #expect(try await work.push(url, "HEAD:refs/for/main").succeeded)
        try await server.server.store.write { tx in
            var change = try #require(try await tx.change(number: 1))
            change.status = .abandoned
            try await tx.updateChange(change)
        }
        try await work.commit(GitWorkTree.message("Will be abandoned, v2", key: key), amend: true)
        #expect(try await work.push(url, "HEAD:refs/for/main").all.contains("change 1 closed"))
        #expect(try await changeCount(server) == 1)
        await server.stop()
    }

    @Test("branches and tags cannot be pushed, created or deleted by anyone, administrators included")
    func protectedRefs() async throws {
        let (server, work, directory) = try await fixture()
        defer { directory.remove() }
        let alice = try await server.createUser("alice")
        let before = try await work.checked(["ls-remote", server.url("demo")]).text
        try await work.commit(GitWorkTree.message("Sneaky"))
        try await work.checked(["tag", "v1"])
        for user in [server.admin, alice] {
            let url = server.url("demo", user: user)
            for refspec in ["HEAD:refs/heads/main", "HEAD:refs/heads/new-branch", "refs/tags/v1:refs/tags/v1", ":refs/heads/main", "HEAD:refs/changes/01/1/1", "HEAD:refs/meta/config"] {
                let push = try await work.push(url, refspec)
                #expect(!push.succeeded, "\(refspec) by \(user.0) should be refused")
                #expect(push.all.contains("refs/for/main"), "\(push.all)")
            }
        }
        #expect(try await work.checked(["ls-remote", server.url("demo")]).text == before)
        await server.stop()
    }

    @Test("a commit message that is not UTF-8 is refused")
    func invalidUTF8() async throws {
        let (server, work, directory) = try await fixture()
        defer { directory.remove() }
        // git itself repairs invalid UTF-8 when committing, so write the commit object directly, as other tools can.
        let parent = try await work.head()
        let tree = try await work.checked(["rev-parse", "HEAD^{tree}"]).text
        let object = Array("tree \(tree)\nparent \(parent.hex)\nauthor A <a@example.com> 1700000000 +0000\ncommitter A <a@example.com> 1700000000 +0000\n\nCaf".utf8)
            + [0xE9] + Array("\n\nChange-Id: \(GitWorkTree.newChangeKey())\n".utf8)
        let commit = try await work.checked(["hash-object", "-t", "commit", "-w", "--stdin"], input: object).text
        try await work.checked(["reset", "--hard", commit])
        let push = try await work.push(server.url("demo", user: server.admin), "HEAD:refs/for/main")
        #expect(!push.succeeded)
        #expect(push.all.contains("not valid UTF-8"))
        #expect(try await changeCount(server) == 0)
        await server.stop()
    }

    @Test("a pack over the configured limit is refused and nothing is stored")
    func oversizedPack() async throws {
        let (server, work, directory) = try await fixture { $0.maxPackBytes = 64 << 10 }
        defer { directory.remove() }
        let noise = (0..<300_000).map { _ in String(UnicodeScalar(UInt8.random(in: 33...126))) }.joined()
        try await work.commit(GitWorkTree.message("Big"), file: "big.txt", content: noise)
        let push = try await work.push(server.url("demo", user: server.admin), "HEAD:refs/for/main")
        #expect(!push.succeeded)
        #expect(push.all.contains("pack exceeds maximum allowed size"))
        #expect(try await changeCount(server) == 0)
        let packs = try FileManager.default.contentsOfDirectory(atPath: "\(server.directory.path)/git/demo.git/objects/pack")
        #expect(packs.isEmpty, "nothing of the refused push may remain: \(packs)")
        await server.stop()
    }

    @Test("pushing needs credentials: a 401 challenge first, and wrong passwords stay 401")
    func authentication() async throws {
        let (server, work, directory) = try await fixture()
        defer { directory.remove() }
        let challenge = try await server.request(.GET, "/demo/info/refs?service=git-receive-pack")
        #expect(challenge.status == 401)
        #expect(challenge.headers.first(name: "WWW-Authenticate")?.hasPrefix("Basic") == true)
        try await work.commit(GitWorkTree.message("Anonymous"))
        let anonymous = try await work.push(server.url("demo"), "HEAD:refs/for/main")
        #expect(!anonymous.succeeded)
        let wrong = try await work.push(server.url("demo", user: ("admin", "wrong")), "HEAD:refs/for/main")
        #expect(!wrong.succeeded)
        #expect(try await changeCount(server) == 0)
        await server.stop()
    }

    @Test("malformed git protocol gets a clear 400 and the server stays up", arguments: [
        "garbage that is not pkt-line", "0032\(String(repeating: "0", count: 40)) abc", "00",
    ])
    func malformedProtocol(body: String) async throws {
        let server = try await TestServer.start { $0.seedDemo = true }
        let response = try await server.request(
            .POST, "/demo/git-receive-pack", user: server.admin, json: nil,
            headers: [("Content-Type", "application/x-git-receive-pack-request")], body: body
        )
        #expect(response.status == 400)
        #expect(response.body.contains("git protocol error"))
        #expect(try await server.request(.GET, "/config/server/version").status == 200)
        await server.stop()
    }

    @Test("an unknown or invalid project is 'repository not found' to git")
    func unknownProject() async throws {
        let server = try await TestServer.start()
        let directory = try TestDirectory("client")
        defer { directory.remove() }
        for name in ["nope", "a/../demo", "demo.git.git"] {
            let output = try await Git().run(["clone", "\(server.baseURL)/\(name)", directory.file("x")])
            #expect(!output.succeeded)
            #expect(output.errorText.contains("not found"), "\(output.errorText)")
        }
        await server.stop()
    }
}
