import Foundation
package import GatehouseCore

/// Everything `gatehouse serve` can be told, with the defaults a first run on a laptop wants.
package struct ServerConfiguration: Sendable {
    /// Holds `gatehouse.sqlite`, `git/<project>.git` and `admin-password`.
    package var dataDirectory: String = "./gatehouse-data"
    package var host: String = "127.0.0.1"
    package var port: Int = 8080
    /// `postgres://user:password@host:port/database`; nil means the embedded SQLite file.
    package var databaseURL: String?
    /// The URL users reach the server at; defaults to `http://host:port`.
    package var baseURL: String?
    package var maxPackBytes: Int = 100 << 20
    /// The first start's admin password; generated (and printed once) when nil.
    package var adminPassword: String?
    /// Seed a `demo` project to clone, if it does not exist yet.
    package var seedDemo: Bool = false
    /// Whether the check and gate pipelines run. Off only in tests of other features, so that no
    /// background vote interleaves with what they assert.
    package var runsPipelines: Bool = true
    /// Builds that may run at once (check and gate together).
    package var executorSlots: Int = ProcessInfo.processInfo.activeProcessorCount
    /// Run jobs without bubblewrap: only for machines that cannot have it, since proposed code then runs with
    /// the server's rights.
    package var unsandboxedJobs: Bool = false
    /// The gate window's start and floor (Zuul's 20 and 3), and how often a failed gate build is retried.
    package var gateWindow: Int = 20
    package var gateWindowFloor: Int = 3
    package var gateRetries: Int = 1
    /// How often the gate re-reads its queues when nothing nudged it.
    package var gatePollInterval: Duration = .seconds(1)
    /// Largest log a build may write before it is truncated.
    package var jobOutputLimitBytes: Int = 10 << 20
    /// When failed webhook deliveries are retried, and when they are given up (default: after 24 hours).
    package var webhookRetry = RetryPolicy()
    /// How long a webhook receiver may take to answer one delivery.
    package var webhookTimeout: Duration = .seconds(10)
    /// `smtp://[user:password@]host[:port][?starttls=true&ca=FILE]` or `smtps://…`; nil sends no mail.
    package var smtpURL: String?
    /// The From address of every mail (`gatehouse@example.com` or `Gatehouse <gatehouse@example.com>`).
    package var mailFrom: String?
    /// When mail that could not be sent is tried again, and when it is given up (default: after 24 hours).
    package var mailRetry = RetryPolicy(initialDelay: .seconds(5), maximumDelay: .seconds(900))
    /// How long one SMTP session (connect, greet, send, quit) may take.
    package var smtpTimeout: Duration = .seconds(30)

    package init() {}

    package var effectiveBaseURL: String {
        if let baseURL { return baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL }
        let shownHost = host == "0.0.0.0" || host == "::" ? "127.0.0.1" : host
        return "http://\(shownHost.contains(":") ? "[\(shownHost)]" : shownHost):\(port)"
    }

    /// The data directory as an absolute path: git runs inside each repository, where a relative path such as
    /// the default `./gatehouse-data` would point somewhere else.
    package var absoluteDataDirectory: String {
        URL(fileURLWithPath: dataDirectory, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
            .standardizedFileURL.path
    }

    package var sqlitePath: String { "\(absoluteDataDirectory)/gatehouse.sqlite" }
    package var repositoryRoot: String { "\(absoluteDataDirectory)/git" }
    package var logRoot: String { "\(absoluteDataDirectory)/logs" }
    package var workspaceRoot: String { "\(absoluteDataDirectory)/workspaces" }
}
