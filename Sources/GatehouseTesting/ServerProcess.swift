package import Foundation

/// The real `gatehouse` binary in a child process, for what only a separate process can show: a kill -9 in
/// the middle of work, and a restart on the same data.
package final class ServerProcess: @unchecked Sendable {
    package let port: Int
    package let dataDirectory: String
    private let process: Process
    private let log: FileHandle
    package var baseURL: String { "http://127.0.0.1:\(port)" }

    /// The `gatehouse` executable built beside the test bundle.
    package static var executable: String {
        get throws {
            let bundle = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent()
            let candidate = bundle.appendingPathComponent("gatehouse").path
            guard FileManager.default.isExecutableFile(atPath: candidate) else {
                throw TestSetupError("\(candidate) is missing: build everything first (swift build --build-tests)")
            }
            return candidate
        }
    }

    /// Starts `gatehouse serve` and waits until it listens.
    ///
    /// - Parameter workingDirectory: where the process runs, so a relative `dataDirectory` is taken from there.
    package init(
        dataDirectory: String, port: Int, databaseURL: String? = nil, extraArguments: [String] = [], workingDirectory: String? = nil
    ) async throws {
        self.port = port
        self.dataDirectory = dataDirectory
        process = Process()
        process.executableURL = URL(fileURLWithPath: try Self.executable)
        process.arguments = ["serve", "--data-dir", dataDirectory, "--port", "\(port)", "--log-level", "warning"]
            + (databaseURL.map { ["--database", $0] } ?? []) + extraArguments
        var environment = ProcessInfo.processInfo.environment
        environment["GATEHOUSE_ADMIN_PASSWORD"] = TestServer.adminPassword
        process.environment = environment
        if let workingDirectory { process.currentDirectoryURL = URL(fileURLWithPath: workingDirectory) }
        let logPath = workingDirectory.map { "\($0)/server.log" } ?? "\(dataDirectory).log"
        _ = FileManager.default.createFile(atPath: logPath, contents: nil)
        log = try FileHandle(forWritingTo: URL(fileURLWithPath: logPath))
        log.seekToEndOfFile()
        process.standardOutput = log
        process.standardError = log
        try process.run()
        let deadline = Date().addingTimeInterval(30)
        while Date() < deadline {
            if !process.isRunning { throw TestSetupError("gatehouse exited: \(Self.read(logPath))") }
            if let (status, _) = try? await Self.get(baseURL + "/config/server/version"), status == 200 { return }
            try await Task.sleep(for: .milliseconds(50))
        }
        throw TestSetupError("gatehouse did not start within 30 s: \(Self.read(logPath))")
    }

    /// SIGKILL: no shutdown code runs, exactly like a crash or the OOM killer.
    package func kill9() {
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        try? log.close()
    }

    /// SIGTERM, and the exit status once it stopped.
    package func terminate() -> Int32 {
        process.terminate()
        process.waitUntilExit()
        try? log.close()
        return process.terminationStatus
    }

    private static func read(_ path: String) -> String {
        (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
    }

    package static func get(_ url: String) async throws -> (Int, Data) {
        let (data, response) = try await URLSession.shared.data(from: URL(string: url)!)
        return ((response as? HTTPURLResponse)?.statusCode ?? 0, data)
    }

    /// Sends `json` with HTTP Basic credentials; returns the status and the body.
    package static func post(_ url: String, user: (String, String), json: String) async throws -> (Int, Data) {
        try await send("POST", url, user: user, json: json)
    }

    /// Sends `json` with `method` (`PUT`, `POST`) and HTTP Basic credentials; returns the status and the body.
    package static func send(_ method: String, _ url: String, user: (String, String), json: String) async throws -> (Int, Data) {
        var request = URLRequest(url: URL(string: url)!)
        request.httpMethod = method
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        request.setValue("Basic " + Data("\(user.0):\(user.1)".utf8).base64EncodedString(), forHTTPHeaderField: "Authorization")
        request.httpBody = Data(json.utf8)
        let (data, response) = try await URLSession.shared.data(for: request)
        return ((response as? HTTPURLResponse)?.statusCode ?? 0, data)
    }
}

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
#if canImport(Glibc)
import Glibc
#endif
