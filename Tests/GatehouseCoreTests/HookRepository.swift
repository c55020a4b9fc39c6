import Foundation
import GatehouseCore

/// A throwaway git repository with the commit-msg hook installed, isolated from the user's and the system's
/// git configuration and with fixed identities and dates, so hook behaviour is reproducible.
struct HookRepository {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    struct Output {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    /// The temporary directory holding the work tree, the global config file and captured output.
    let root: URL
    let workTree: URL
    private let environment: [String: String]

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("gatehouse-hook-\(UUID().uuidString)")
        workTree = root.appendingPathComponent("repo")
        try FileManager.default.createDirectory(at: workTree, withIntermediateDirectories: true)
        let globalConfig = root.appendingPathComponent("gitconfig")
        try Data().write(to: globalConfig)
        environment = [
            "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin",
            "HOME": root.path,
            "LC_ALL": "C",
            "GIT_CONFIG_GLOBAL": globalConfig.path,
            "GIT_CONFIG_NOSYSTEM": "1",
            "GIT_AUTHOR_NAME": "Ada Author",
            "GIT_AUTHOR_EMAIL": "ada@example.org",
            "GIT_AUTHOR_DATE": "2026-01-02T03:04:05Z",
            "GIT_COMMITTER_NAME": "Cy Committer",
            "GIT_COMMITTER_EMAIL": "cy@example.org",
            "GIT_COMMITTER_DATE": "2026-01-02T03:04:05Z",
        ]
        try git("init", "-q", "-b", "main")
        let hooks = workTree.appendingPathComponent(".git/hooks")
        try FileManager.default.createDirectory(at: hooks, withIntermediateDirectories: true)
        let hook = hooks.appendingPathComponent("commit-msg")
        try Data(CommitMsgHook.script.utf8).write(to: hook)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: hook.path)
    }

    func remove() {
        try? FileManager.default.removeItem(at: root)
    }

    /// Runs git and fails unless it succeeds; returns standard output.
    @discardableResult
    func git(_ arguments: String..., environment extra: [String: String] = [:]) throws -> String {
        let output = try run(arguments, environment: extra)
        guard output.status == 0 else {
            throw Failure(description: "git \(arguments.joined(separator: " ")) exited \(output.status): \(output.stderr)")
        }
        return output.stdout
    }

    /// Runs git and reports how it went, for commands that are expected to fail.
    func run(_ arguments: [String], environment extra: [String: String] = [:]) throws -> Output {
        let id = UUID().uuidString
        let stdoutURL = root.appendingPathComponent("\(id).out")
        let stderrURL = root.appendingPathComponent("\(id).err")
        try Data().write(to: stdoutURL)
        try Data().write(to: stderrURL)
        let stdout = try FileHandle(forWritingTo: stdoutURL)
        let stderr = try FileHandle(forWritingTo: stderrURL)
        defer {
            try? stdout.close()
            try? stderr.close()
        }

        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git"] + arguments
        process.currentDirectoryURL = workTree
        process.environment = environment.merging(extra) { _, new in new }
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        process.waitUntilExit()
        return Output(
            status: process.terminationStatus,
            stdout: try String(contentsOf: stdoutURL, encoding: .utf8),
            stderr: try String(contentsOf: stderrURL, encoding: .utf8)
        )
    }

    /// Commits with the given `git commit` arguments; `--allow-empty` keeps tests free of file juggling.
    func commit(_ arguments: String..., environment extra: [String: String] = [:]) throws {
        let output = try run(["commit", "-q", "--allow-empty"] + arguments, environment: extra)
        guard output.status == 0 else {
            throw Failure(description: "git commit \(arguments) exited \(output.status): \(output.stderr)")
        }
    }

    /// The exact message of HEAD, byte for byte (unlike `git log --format=%B`, which adds a newline).
    func headMessage() throws -> String {
        let raw = try git("cat-file", "commit", "HEAD")
        guard let blank = raw.range(of: "\n\n") else { return "" }
        return String(raw[blank.upperBound...])
    }

    /// The Change-Id the server would read from HEAD's message.
    func headChangeKey() throws -> ChangeKey {
        let message = try headMessage()
        switch ChangeKeyFooter.parse(message) {
        case .success(let key): return key
        case .failure(let error): throw Failure(description: "\(error) in \(message.debugDescription)")
        }
    }
}
