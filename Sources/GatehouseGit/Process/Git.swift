import Foundation
import Subprocess
import SystemPackage

/// Runs the `git` command line, the only way Gatehouse touches repositories.
///
/// Every call gets a scrubbed environment: no system or global configuration, no terminal prompts, a fixed
/// locale, so a developer's `~/.gitconfig` can never change what the server does. Output is bounded; a
/// command that prints more than the limit fails instead of growing the server's memory.
package struct Git: Sendable {
    package let executable: String
    private let baseEnvironment: [String: String]

    package init(executable: String = Git.locate()) {
        self.executable = executable
        let inherited = ProcessInfo.processInfo.environment
        self.baseEnvironment = [
            "PATH": inherited["PATH"] ?? "/usr/local/bin:/usr/bin:/bin",
            "HOME": "/nonexistent",
            "LANG": "C",
            "LC_ALL": "C",
            "GIT_CONFIG_NOSYSTEM": "1",
            "GIT_CONFIG_GLOBAL": "/dev/null",
            "GIT_TERMINAL_PROMPT": "0",
            "GIT_AUTHOR_NAME": "Gatehouse",
            "GIT_AUTHOR_EMAIL": "gatehouse@localhost",
            "GIT_COMMITTER_NAME": "Gatehouse",
            "GIT_COMMITTER_EMAIL": "gatehouse@localhost",
        ]
    }

    /// The first `git` on `PATH`, falling back to `/usr/bin/git`.
    package static func locate() -> String {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for dir in path.split(separator: ":") where FileManager.default.isExecutableFile(atPath: "\(dir)/git") {
            return "\(dir)/git"
        }
        return "/usr/bin/git"
    }

    /// The environment a git process sees: the scrubbed base plus `extra`.
    package func environment(_ extra: [String: String] = [:]) -> [String: String] {
        baseEnvironment.merging(extra) { _, new in new }
    }

    /// Runs `git args…` and collects its output.
    ///
    /// - Parameters:
    ///   - directory: the working directory (a bare repository's path for most commands).
    ///   - environment: variables added to the scrubbed base (quarantine directories, identities).
    ///   - input: bytes written to standard input.
    ///   - outputLimit: the most standard output may hold; more is an error, never a silent truncation.
    package func run(
        _ arguments: [String],
        in directory: String? = nil,
        environment extra: [String: String] = [:],
        input: [UInt8] = [],
        outputLimit: Int = 64 << 20
    ) async throws -> GitOutput {
        try await collect(arguments, in: directory, environment: extra, input: .array(input), outputLimit: outputLimit)
    }

    /// Runs `git args…` with standard input read from a file, for streams too large for memory (packs).
    package func run(
        _ arguments: [String],
        in directory: String? = nil,
        environment extra: [String: String] = [:],
        inputFile: String,
        outputLimit: Int = 1 << 20
    ) async throws -> GitOutput {
        let fd = try FileDescriptor.open(FilePath(inputFile), .readOnly)
        return try await collect(
            arguments, in: directory, environment: extra, input: .fileDescriptor(fd, closeAfterSpawningProcess: true), outputLimit: outputLimit
        )
    }

    private func collect(
        _ arguments: [String], in directory: String?, environment extra: [String: String], input: some InputProtocol, outputLimit: Int
    ) async throws -> GitOutput {
        do {
            let result = try await Subprocess.run(
                .path(FilePath(executable)),
                arguments: Arguments(arguments),
                environment: subprocessEnvironment(extra),
                workingDirectory: directory.map { FilePath($0) },
                input: input,
                output: .bytes(limit: outputLimit),
                error: .bytes(limit: 1 << 20)
            )
            return GitOutput(
                arguments: arguments,
                exitCode: result.terminationStatus.exitCode,
                stdout: result.standardOutput,
                stderr: result.standardError
            )
        } catch let error as SubprocessError {
            throw GitError.launchFailed(arguments: arguments, reason: "\(error)")
        }
    }

    /// The scrubbed base plus `extra`, in Subprocess's terms.
    func subprocessEnvironment(_ extra: [String: String]) -> Subprocess.Environment {
        .custom(Dictionary(uniqueKeysWithValues: environment(extra).map { (Subprocess.Environment.Key(stringLiteral: $0.key), $0.value) }))
    }

    /// Like ``run(_:in:environment:input:outputLimit:)`` but a non-zero exit is an error.
    @discardableResult
    package func checked(
        _ arguments: [String],
        in directory: String? = nil,
        environment extra: [String: String] = [:],
        input: [UInt8] = [],
        outputLimit: Int = 64 << 20
    ) async throws -> GitOutput {
        let output = try await run(arguments, in: directory, environment: extra, input: input, outputLimit: outputLimit)
        guard output.exitCode == 0 else { throw GitError.commandFailed(output) }
        return output
    }
}

extension TerminationStatus {
    /// The exit code, or 128 + signal number the way a shell reports a killed process.
    var exitCode: Int32 {
        switch self {
        case .exited(let code): code
        case .signaled(let signal): 128 + signal
        }
    }
}
