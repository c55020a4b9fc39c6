import Foundation
package import GatehouseCore
package import GatehouseGit

/// A client-side clone driven by the real `git` CLI, isolated from the machine's configuration, with a fixed
/// author and committer so tests read like a person's session.
package struct GitWorkTree: Sendable {
    package let path: String
    private let git: Git
    private static let identity = [
        "GIT_AUTHOR_NAME": "Test Author", "GIT_AUTHOR_EMAIL": "author@example.com", "GIT_AUTHOR_DATE": "@1700000000 +0000",
        "GIT_COMMITTER_NAME": "Test Author", "GIT_COMMITTER_EMAIL": "author@example.com", "GIT_COMMITTER_DATE": "@1700000000 +0000",
    ]

    /// Clones `url` into a new folder under `directory`.
    package static func clone(_ url: String, in directory: TestDirectory, name: String = "work", protocolVersion: Int = 2) async throws -> GitWorkTree {
        let git = Git()
        let path = directory.file(name)
        let output = try await git.run(["-c", "protocol.version=\(protocolVersion)", "clone", "--quiet", url, path], environment: identity)
        guard output.succeeded else { throw TestSetupError("git clone \(url) failed: \(output.errorText)") }
        return GitWorkTree(path: path, git: git)
    }

    /// Runs git in the work tree; the caller checks the outcome.
    @discardableResult
    package func run(_ arguments: [String], input: [UInt8] = []) async throws -> GitOutput {
        try await git.run(arguments, in: path, environment: Self.identity, input: input)
    }

    /// Writes `content` to `file`, commits everything with `message`, and returns the new commit.
    @discardableResult
    package func commit(_ message: String, file: String = "file.txt", content: String? = nil, amend: Bool = false) async throws -> CommitID {
        try (content ?? "\(message)\n\(UUID())\n").write(toFile: "\(path)/\(file)", atomically: true, encoding: .utf8)
        try await checked(["add", "-A"])
        try await checked(["commit", "--quiet", "--allow-empty", "--no-verify", "-F", "-"] + (amend ? ["--amend"] : []), input: Array(message.utf8))
        return try await head()
    }

    package func head() async throws -> CommitID {
        let output = try await checked(["rev-parse", "HEAD"])
        guard let id = CommitID(output.text) else { throw TestSetupError("no HEAD") }
        return id
    }

    /// `git push <url> <refspec>` with optional `-o` push options; returns what git printed (stderr).
    package func push(_ url: String, _ refspec: String, options: [String] = []) async throws -> GitOutput {
        try await run(["push", "--porcelain"] + options.flatMap { ["-o", $0] } + [url, refspec])
    }

    @discardableResult
    package func checked(_ arguments: [String], input: [UInt8] = []) async throws -> GitOutput {
        let output = try await run(arguments, input: input)
        guard output.succeeded else { throw TestSetupError("git \(arguments.joined(separator: " ")) failed: \(output.errorText)") }
        return output
    }

    /// A fresh, valid Change-Id footer value.
    package static func newChangeKey() -> String {
        "I" + (0..<40).map { _ in String("0123456789abcdef".randomElement()!) }.joined()
    }

    /// A commit message with a subject and a Change-Id footer.
    package static func message(_ subject: String, key: String = newChangeKey()) -> String {
        "\(subject)\n\nChange-Id: \(key)\n"
    }
}

extension GitOutput {
    /// Everything git printed, both streams: push reports go to stdout with --porcelain, messages to stderr.
    package var all: String { String(decoding: stdout, as: UTF8.self) + String(decoding: stderr, as: UTF8.self) }
}
