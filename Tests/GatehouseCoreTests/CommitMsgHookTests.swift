import Foundation
import GatehouseCore
import Testing

/// Runs the hook inside real `git commit`s, since its job is to cooperate with git's own message handling.
@Suite struct CommitMsgHookTests {
    @Test("Adds one Change-Id in a new last paragraph")
    func addsChangeId() throws {
        let repo = try HookRepository()
        defer { repo.remove() }
        try repo.commit("-m", "Fix the login page")
        let key = try repo.headChangeKey()
        #expect(try repo.headMessage() == "Fix the login page\n\nChange-Id: \(key)\n")
    }

    @Test("Appends to an existing trailer paragraph after the first commit")
    func appendsToTrailers() throws {
        let repo = try HookRepository()
        defer { repo.remove() }
        try repo.commit("-m", "Initial")
        try repo.commit("-m", "Fix the login page\n\nThe button did nothing.\n\nBug: 42")
        let key = try repo.headChangeKey()
        #expect(try repo.headMessage() == "Fix the login page\n\nThe button did nothing.\n\nBug: 42\nChange-Id: \(key)\n")
    }

    @Test("Derives the id from the committer ident, the parent and the message")
    func idFormula() throws {
        let repo = try HookRepository()
        defer { repo.remove() }
        try repo.commit("-m", "First")
        let parent = try repo.git("rev-parse", "HEAD").trimmingCharacters(in: .whitespacesAndNewlines)
        try repo.commit("-m", "Second")
        let ident = "Cy Committer <cy@example.org> 1767323045 +0000"
        let input = repo.root.appendingPathComponent("input")
        try Data("\(ident)\n\(parent)\nSecond\n".utf8).write(to: input)
        let hash = try repo.git("hash-object", "-t", "blob", input.path).trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(try repo.headChangeKey().rawValue == "I" + hash)
    }

    @Test("Uses the empty tree as the parent of a first commit")
    func firstCommitFormula() throws {
        let repo = try HookRepository()
        defer { repo.remove() }
        try repo.commit("-m", "First")
        let input = repo.root.appendingPathComponent("input")
        try Data("Cy Committer <cy@example.org> 1767323045 +0000\n4b825dc642cb6eb9a060e54bf8d69288fbee4904\nFirst\n".utf8)
            .write(to: input)
        let hash = try repo.git("hash-object", "-t", "blob", input.path).trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(try repo.headChangeKey().rawValue == "I" + hash)
    }

    @Test("Gives different messages different ids")
    func distinctIds() throws {
        let repo = try HookRepository()
        defer { repo.remove() }
        try repo.commit("-m", "One")
        let first = try repo.headChangeKey()
        try repo.commit("-m", "Two")
        #expect(try repo.headChangeKey() != first)
    }

    @Test("Keeps an existing Change-Id or Link trailer untouched", arguments: [
        "Fix\n\nChange-Id: I0123456789abcdef0123456789abcdef01234567\n",
        "Fix\n\nBody.\n\nChange-Id: I0123456789abcdef0123456789abcdef01234567\nSigned-off-by: A <a@example.org>\n",
        "Fix\n\nLink: https://review.example.org/id/I0123456789abcdef0123456789abcdef01234567\n",
        "Fix\n\nchange-id: I0123456789abcdef0123456789abcdef01234567\n",
        "Fix\n\nSee the design notes.\nChange-Id: I0123456789abcdef0123456789abcdef01234567\n",
    ])
    func keepsExistingTrailer(message: String) throws {
        let repo = try HookRepository()
        defer { repo.remove() }
        try repo.commit("-m", message)
        #expect(try repo.headMessage() == message)
    }

    @Test("Copes with CRLF line endings, which git's cleanup then removes")
    func crlfMessages() throws {
        let repo = try HookRepository()
        defer { repo.remove() }
        let existing = "Change-Id: I0123456789abcdef0123456789abcdef01234567"
        try repo.commit("-m", "Keep\r\n\r\n\(existing)\r\n")
        #expect(try repo.headMessage() == "Keep\n\n\(existing)\n")
        try repo.commit("-m", "Add\r\n\r\nBody\r\n")
        let key = try repo.headChangeKey()
        #expect(try repo.headMessage() == "Add\n\nBody\n\nChange-Id: \(key)\n")
    }

    @Test("Adds a footer when the only Change-Id is in the subject paragraph")
    func changeIdOutsideFooter() throws {
        let repo = try HookRepository()
        defer { repo.remove() }
        let old = "Change-Id: I0123456789abcdef0123456789abcdef01234567"
        try repo.commit("-m", "Fix\n\(old)")
        let key = try repo.headChangeKey()
        #expect(key.rawValue != "I0123456789abcdef0123456789abcdef01234567")
        #expect(try repo.headMessage() == "Fix\n\(old)\n\nChange-Id: \(key)\n")
    }

    @Test("Skips commits that rebase will fold into another", arguments: [
        "fixup! Fix the login page", "squash! Fix the login page", "amend! Fix the login page", "wip! later",
    ])
    func skipsFoldedCommits(subject: String) throws {
        let repo = try HookRepository()
        defer { repo.remove() }
        try repo.commit("-m", subject)
        #expect(try repo.headMessage() == subject + "\n")
    }

    @Test("Still handles subjects that only resemble fixup!", arguments: ["Fixup! Capitalised", "fixup!no-space", "x fixup! y"])
    func doesNotSkipLookalikes(subject: String) throws {
        let repo = try HookRepository()
        defer { repo.remove() }
        try repo.commit("-m", subject)
        let key = try repo.headChangeKey()
        #expect(try repo.headMessage() == "\(subject)\n\nChange-Id: \(key)\n")
    }

    @Test("Adds a Change-Id even to fixup! commits when createChangeId is always")
    func alwaysSetting() throws {
        let repo = try HookRepository()
        defer { repo.remove() }
        try repo.git("config", "gerrit.createChangeId", "always")
        try repo.commit("-m", "fixup! Fix")
        let key = try repo.headChangeKey()
        #expect(try repo.headMessage() == "fixup! Fix\n\nChange-Id: \(key)\n")
    }

    @Test("Does nothing when gerrit.createChangeId is false", arguments: ["false", "False", "no", "off", "0"])
    func disabled(value: String) throws {
        let repo = try HookRepository()
        defer { repo.remove() }
        try repo.git("config", "gerrit.createChangeId", value)
        try repo.commit("-m", "Fix")
        #expect(try repo.headMessage() == "Fix\n")
    }

    @Test("Places the Change-Id before Signed-off-by")
    func beforeSignedOffBy() throws {
        let repo = try HookRepository()
        defer { repo.remove() }
        try repo.commit("-m", "Fix\n\nBody.\n\nSigned-off-by: Ada Author <ada@example.org>")
        let key = try repo.headChangeKey()
        #expect(
            try repo.headMessage() == "Fix\n\nBody.\n\nChange-Id: \(key)\nSigned-off-by: Ada Author <ada@example.org>\n")
    }

    @Test("Places the Change-Id before the sign-off git commit -s adds")
    func beforeGitSignOff() throws {
        let repo = try HookRepository()
        defer { repo.remove() }
        try repo.commit("-s", "-m", "Fix")
        let key = try repo.headChangeKey()
        #expect(try repo.headMessage() == "Fix\n\nChange-Id: \(key)\nSigned-off-by: Cy Committer <cy@example.org>\n")
    }

    @Test("Writes a Link trailer when gerrit.reviewUrl is set")
    func linkForm() throws {
        let repo = try HookRepository()
        defer { repo.remove() }
        try repo.git("config", "gerrit.reviewUrl", "https://review.example.org/gerrit//")
        try repo.commit("-m", "Fix")
        let key = try repo.headChangeKey()
        #expect(try repo.headMessage() == "Fix\n\nLink: https://review.example.org/gerrit/id/\(key)\n")
    }

    @Test("Keeps the Change-Id when amending")
    func amendKeepsId() throws {
        let repo = try HookRepository()
        defer { repo.remove() }
        try repo.commit("-m", "Fix")
        let key = try repo.headChangeKey()
        let before = try repo.git("rev-parse", "HEAD")
        try repo.commit("--amend", "--no-edit", "--date", "2026-02-03T04:05:06Z")
        #expect(try repo.git("rev-parse", "HEAD") != before)
        #expect(try repo.headChangeKey() == key)
        try repo.commit("--amend", "-e", environment: ["GIT_EDITOR": "true"])
        #expect(try repo.headMessage() == "Fix\n\nChange-Id: \(key)\n")
    }

    @Test("Ignores comment lines when the message is edited")
    func editedMessageComments() throws {
        let repo = try HookRepository()
        defer { repo.remove() }
        try repo.commit("-e", "-m", "Fix\n\nBody.", environment: ["GIT_EDITOR": "true"])
        let key = try repo.headChangeKey()
        #expect(try repo.headMessage() == "Fix\n\nBody.\n\nChange-Id: \(key)\n")
    }

    @Test("Honours core.commentChar")
    func customCommentChar() throws {
        let repo = try HookRepository()
        defer { repo.remove() }
        try repo.git("config", "core.commentChar", ";")
        try repo.commit("-e", "-m", "#7 is fixed\n\n; a note to self", environment: ["GIT_EDITOR": "true"])
        let key = try repo.headChangeKey()
        #expect(try repo.headMessage() == "#7 is fixed\n\nChange-Id: \(key)\n")
    }

    @Test("Treats #-lines as text when git keeps them, as with -m")
    func hashLinesKeptWithoutEditor() throws {
        let repo = try HookRepository()
        defer { repo.remove() }
        try repo.commit("-m", "Fix\n\n#123 is fixed")
        let key = try repo.headChangeKey()
        #expect(try repo.headMessage() == "Fix\n\n#123 is fixed\n\nChange-Id: \(key)\n")
    }

    @Test("Leaves an empty edited message alone so git aborts the commit")
    func emptyMessage() throws {
        let repo = try HookRepository()
        defer { repo.remove() }
        let output = try repo.run(
            ["commit", "-q", "--allow-empty", "-e", "-F", "/dev/null"], environment: ["GIT_EDITOR": "true"])
        #expect(output.status != 0)
        #expect(output.stderr.contains("empty commit message"))
        #expect(try repo.run(["rev-parse", "--verify", "-q", "HEAD"]).status != 0)
    }

    @Test("Does not stop at a --- line in the body")
    func dashedLine() throws {
        let repo = try HookRepository()
        defer { repo.remove() }
        try repo.commit("-m", "Fix\n\nBefore\n---\nAfter")
        let key = try repo.headChangeKey()
        #expect(try repo.headMessage() == "Fix\n\nBefore\n---\nAfter\n\nChange-Id: \(key)\n")
    }

    @Test("Script is POSIX sh with a shebang")
    func shebang() throws {
        #expect(CommitMsgHook.script.hasPrefix("#!/bin/sh\n"))
        #expect(CommitMsgHook.script.hasSuffix("\n"))
        let repo = try HookRepository()
        defer { repo.remove() }
        let hook = repo.workTree.appendingPathComponent(".git/hooks/commit-msg")
        #expect(try String(contentsOf: hook, encoding: .utf8) == CommitMsgHook.script)
    }
}
