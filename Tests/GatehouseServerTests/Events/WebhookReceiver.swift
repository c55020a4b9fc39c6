import Foundation
#if canImport(Glibc)
import Glibc
#endif
import GatehouseTesting

/// `Tests/Events/webhook_receiver.py` as a child process: a real HTTP peer that checks every signature.
final class WebhookReceiver: Sendable {
    struct Request: Sendable {
        let status: Int?
        let verified: Bool?
        let event: String?
        let body: String
    }

    let port: Int
    private let process: Process
    private let log: String

    private init(port: Int, process: Process, log: String) {
        self.port = port
        self.process = process
        self.log = log
    }

    static func start(
        secret: String, failFirst: Int = 0, hang: Bool = false, on port: Int = 0, in directory: TestDirectory
    ) async throws -> WebhookReceiver {
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Events/webhook_receiver.py").path
        let portFile = directory.file("receiver-\(UUID().uuidString).port")
        let log = directory.file("receiver-\(UUID().uuidString).log")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script, portFile, log, secret, "--fail", String(failFirst), "--port", String(port)]
            + (hang ? ["--hang"] : [])
        try process.run()
        for _ in 0..<500 {
            if let text = try? String(contentsOfFile: portFile, encoding: .utf8), let port = Int(text) {
                return WebhookReceiver(port: port, process: process, log: log)
            }
            try await Task.sleep(for: .milliseconds(10))
        }
        process.terminate()
        throw TestSetupError("the webhook receiver did not start")
    }

    var url: String { "http://127.0.0.1:\(port)/hook" }

    /// Every request received so far, oldest first.
    var requests: [Request] {
        guard let text = try? String(contentsOfFile: log, encoding: .utf8) else { return [] }
        return text.split(separator: "\n").compactMap { line in
            guard let json = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else { return nil }
            return Request(
                status: json["status"] as? Int, verified: json["verified"] as? Bool, event: json["event"] as? String,
                body: json["body"] as? String ?? "")
        }
    }

    /// Waits until `condition` holds for the requests received, or `timeout` passes.
    func wait(timeout: Duration = .seconds(20), until condition: ([Request]) -> Bool) async throws -> [Request] {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            let seen = requests
            if condition(seen) { return seen }
            try await Task.sleep(for: .milliseconds(20))
        }
        return requests
    }

    /// SIGKILL, because the test process may hand its children SIGTERM blocked.
    func stop() {
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }
}
