import Foundation

/// The load generator behind `api`: Debian's `wrk`, run as a child process on loopback.
///
/// An external generator rather than our own HTTP client, so the figures measure the server and not a Swift
/// client sharing the machine's two cores with it in the same process; wrk is small, C, and what people quote
/// throughput with, so the numbers compare with other servers'.
struct Wrk {
    /// What one run printed, in the units the bench reports.
    struct Result {
        var requestsPerSecond: Double
        var p50: Double
        var p99: Double
        var requests: Int
        /// wrk's "Socket errors" line (connect, read, write, timeout), when there was one.
        var socketErrors: String?
    }

    let executable: String
    let threads: Int
    let connections: Int

    /// Finds `wrk` on PATH; the bench never installs packages itself, so a missing wrk is an error that says how.
    static func locate() throws -> String {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for directory in path.split(separator: ":") where FileManager.default.isExecutableFile(atPath: "\(directory)/wrk") {
            return "\(directory)/wrk"
        }
        throw BenchError("wrk is not installed: install the Debian package with `apt-get install wrk` and run the bench again")
    }

    /// Loads `url` for `seconds` with the latency distribution on; `script` is a Lua file that picks each request.
    func run(_ url: String, seconds: Int, script: String? = nil, output: String) async throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = ["--latency", "-t", "\(threads)", "-c", "\(connections)", "-d", "\(seconds)s", "--timeout", "10s"]
            + (script.map { ["-s", $0] } ?? []) + [url]
        // Output to a file, not a pipe: nothing can block on a full pipe buffer while we wait for the exit.
        _ = FileManager.default.createFile(atPath: output, contents: nil)
        let file = try FileHandle(forWritingTo: URL(fileURLWithPath: output))
        defer { try? file.close() }
        process.standardOutput = file
        process.standardError = file
        let status: Int32 = try await withCheckedThrowingContinuation { continuation in
            process.terminationHandler = { continuation.resume(returning: $0.terminationStatus) }
            do { try process.run() } catch { continuation.resume(throwing: error) }
        }
        let text = (try? String(contentsOfFile: output, encoding: .utf8)) ?? ""
        guard status == 0 else { throw BenchError("wrk \(url) exited with status \(status):\n\(text)") }
        return try Self.parse(text, url: url)
    }

    /// Reads Requests/sec and the 50% and 99% lines of the latency distribution; any non-2xx answer is a
    /// failure, because a fast 404 would pass for a fast route.
    static func parse(_ text: String, url: String) throws -> Result {
        var result = Result(requestsPerSecond: .nan, p50: .nan, p99: .nan, requests: 0)
        for line in text.split(separator: "\n").map({ $0.trimmingCharacters(in: .whitespaces) }) {
            let fields = line.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
            if line.hasPrefix("Non-2xx or 3xx responses:") {
                throw BenchError("wrk \(url): \(line) — the route failed under load:\n\(text)")
            } else if line.hasPrefix("Socket errors:") {
                result.socketErrors = String(line.dropFirst("Socket errors:".count)).trimmingCharacters(in: .whitespaces)
            } else if line.hasPrefix("Requests/sec:"), fields.count == 2 {
                result.requestsPerSecond = Double(fields[1]) ?? .nan
            } else if fields.first == "50%", fields.count == 2 {
                result.p50 = try milliseconds(fields[1])
            } else if fields.first == "99%", fields.count == 2 {
                result.p99 = try milliseconds(fields[1])
            } else if fields.count >= 2, fields[1] == "requests", let count = Int(fields[0]) {
                result.requests = count
            }
        }
        guard !result.requestsPerSecond.isNaN, !result.p50.isNaN, !result.p99.isNaN, result.requests > 0 else {
            throw BenchError("could not read wrk's output for \(url):\n\(text)")
        }
        return result
    }

    /// wrk prints durations as `812.00us`, `1.23ms`, `1.02s` or `2.00m`.
    static func milliseconds(_ text: String) throws -> Double {
        for (suffix, factor) in [("us", 0.001), ("ms", 1.0), ("s", 1000.0), ("m", 60_000.0)] where text.hasSuffix(suffix) {
            if let value = Double(text.dropLast(suffix.count)) { return value * factor }
        }
        throw BenchError("unexpected duration in wrk's output: \(text)")
    }
}
