import Subprocess
import SystemPackage

extension Git {
    /// Runs git and hands its standard output to `sink` as it arrives.
    ///
    /// If `sink` throws (the client went away), the process is torn down with the task.
    package func stream(
        _ arguments: [String],
        in directory: String? = nil,
        environment extra: [String: String] = [:],
        input: [UInt8],
        sink: (ArraySlice<UInt8>) async throws -> Void
    ) async throws {
        let result = try await Subprocess.run(
            .path(FilePath(executable)),
            arguments: Arguments(arguments),
            environment: subprocessEnvironment(extra),
            workingDirectory: directory.map { FilePath($0) },
            input: .array(input),
            output: .sequence,
            error: .bytes(limit: 1 << 20)
        ) { execution in
            for try await chunk in execution.standardOutput {
                let bytes = chunk.withUnsafeBytes { Array($0) }
                try await sink(bytes[...])
            }
        }
        guard result.terminationStatus.exitCode == 0 else {
            throw GitError.commandFailed(
                GitOutput(arguments: arguments, exitCode: result.terminationStatus.exitCode, stdout: [], stderr: result.standardError)
            )
        }
    }
}
