import Foundation
import GatehouseTesting

/// The Python clients the interoperability tests drive: a virtualenv the README's test command creates with
/// git-review, pygerrit2 and python-gerrit-api from PyPI, named by `GATEHOUSE_TEST_VENV`.
enum InteropEnvironment {
    static var venv: String? {
        ProcessInfo.processInfo.environment["GATEHOUSE_TEST_VENV"].flatMap { $0.isEmpty ? nil : $0 }
    }

    static var isAvailable: Bool { venv != nil }

    /// The folder with the client scripts, found from this source file.
    static var scripts: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Interop").path
    }

    /// Runs a program and returns its exit status and output.
    ///
    /// The wait happens on a thread of its own: the server under test shares this process's cooperative
    /// threads, and blocking one of them while the client waits for the server would starve the server.
    static func run(_ executable: String, _ arguments: [String], in directory: String? = nil, environment: [String: String] = [:]) async throws -> (
        status: Int32, output: String
    ) {
        try await withCheckedThrowingContinuation { continuation in
            Thread.detachNewThread {
                continuation.resume(with: Result { try runBlocking(executable, arguments, in: directory, environment: environment) })
            }
        }
    }

    private static func runBlocking(_ executable: String, _ arguments: [String], in directory: String?, environment: [String: String]) throws -> (
        status: Int32, output: String
    ) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
