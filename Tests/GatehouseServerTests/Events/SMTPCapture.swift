import Foundation
#if canImport(Glibc)
import Glibc
#endif
import GatehouseTesting
import Testing

/// `Tests/Events/smtp_capture.py` as a child process: aiosmtpd, a real SMTP server, keeping every message it
/// accepts so a test can read the mail as a mail client would receive it.
final class SMTPCapture: Sendable {
    struct Mail: Sendable {
        let from: String
        let to: [String]
        let data: String
        let tls: Bool

        /// A header's value, unfolded (continuation lines joined).
        func header(_ name: String) -> String? {
            let head = data.components(separatedBy: "\r\n\r\n").first ?? data
            var unfolded: [String] = []
            for line in head.components(separatedBy: "\r\n") {
                if line.hasPrefix(" ") || line.hasPrefix("\t"), !unfolded.isEmpty { unfolded[unfolded.count - 1] += line } else { unfolded.append(line) }
            }
            let prefix = name.lowercased() + ":"
            return unfolded.first { $0.lowercased().hasPrefix(prefix) }.map { String($0.dropFirst(prefix.count)).trimmingCharacters(in: .whitespaces) }
        }

        var body: String { data.components(separatedBy: "\r\n\r\n").dropFirst().joined(separator: "\r\n\r\n") }
    }

    let port: Int
    let directory: String
    private let process: Process

    private init(port: Int, directory: String, process: Process) {
        self.port = port
        self.directory = directory
        self.process = process
    }

    static var isAvailable: Bool { InteropEnvironment.isAvailable }

    /// Starts the server; `port` 0 picks a free one. `auth` is "user:password"; `starttls` a certificate and key.
    static func start(
        in directory: TestDirectory, port: Int = 0, auth: String? = nil, starttls: (certificate: String, key: String)? = nil, refuse: [String] = [],
        mailbox: String? = nil
    ) async throws -> SMTPCapture {
        let venv = try #require(InteropEnvironment.venv, "the mail tests need aiosmtpd: use the README's test command")
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Events/smtp_capture.py").path
        let portFile = directory.file("smtp-\(UUID().uuidString).port")
        let out = mailbox ?? directory.file("mailbox-\(UUID().uuidString)")
        var arguments = [script, portFile, out, "--port", String(port)]
        if let auth { arguments += ["--auth", auth] }
        if let starttls { arguments += ["--starttls", starttls.certificate, starttls.key] }
        for address in refuse { arguments += ["--refuse", address] }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "\(venv)/bin/python")
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        for _ in 0..<1000 {
            if let text = try? String(contentsOfFile: portFile, encoding: .utf8), let port = Int(text) {
                return SMTPCapture(port: port, directory: out, process: process)
            }
            try await Task.sleep(for: .milliseconds(10))
        }
        process.terminate()
        throw TestSetupError("the SMTP server did not start")
    }

    var url: String { "smtp://127.0.0.1:\(port)" }

    /// Every message accepted so far, in order.
    var mails: [Mail] {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).filter { $0.hasSuffix(".json") }.sorted()
        return names.compactMap { name in
            guard let data = FileManager.default.contents(atPath: "\(directory)/\(name)"),
                let json = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
            else { return nil }
            return Mail(
                from: json["mail_from"] as? String ?? "", to: json["rcpt_tos"] as? [String] ?? [], data: json["data"] as? String ?? "",
                tls: json["tls"] as? Bool ?? false)
        }
    }

    /// Waits until `condition` holds for the mail received, or `timeout` passes.
    func wait(timeout: Duration = .seconds(20), until condition: ([Mail]) -> Bool) async throws -> [Mail] {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            let seen = mails
            if condition(seen) { return seen }
            try await Task.sleep(for: .milliseconds(25))
        }
        return mails
    }

    func stop() {
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }
}
