import Foundation
package import GatehouseCore
package import GatehouseGit
package import GatehouseStore
package import Logging

/// What every review operation needs: the store, the repositories, the clock and the server's public URL.
package struct ReviewContext: Sendable {
    package let store: Store
    package let git: Git
    /// Where bare repositories live: `<repositoryRoot>/<project>.git`.
    package let repositoryRoot: String
    /// The URL users reach this server at, without a trailing slash (`http://review.example.com`).
    package let baseURL: String
    package let clock: @Sendable () -> Timestamp
    package let logger: Logger
    /// Nudged after every committed write to a change, so the pipelines react without waiting for a poll.
    package let notifier: ChangeNotifier

    package init(
        store: Store, git: Git, repositoryRoot: String, baseURL: String,
        clock: @escaping @Sendable () -> Timestamp = ReviewContext.systemClock, logger: Logger,
        notifier: ChangeNotifier = ChangeNotifier()
    ) {
        self.store = store
        self.git = git
        self.repositoryRoot = repositoryRoot
        self.baseURL = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
        self.clock = clock
        self.logger = logger
        self.notifier = notifier
    }

    package static let systemClock: @Sendable () -> Timestamp = {
        Timestamp(nanosecondsSinceEpoch: Int64(Date().timeIntervalSince1970 * 1_000_000_000))
    }

    package func repository(for project: ProjectName) -> BareRepository {
        BareRepository(path: "\(repositoryRoot)/\(project.rawValue).git", git: git)
    }

    /// The web address of a change, in the shape git-review parses (`/c/<project>/+/<n>`).
    package func changeURL(project: ProjectName, number: Change.Number) -> String {
        "\(baseURL)/c/\(project.rawValue)/+/\(number)"
    }

    /// The scheme, host and port of ``baseURL``: the commit-msg hook is served at the host root even when
    /// Gatehouse lives under a path prefix, because that is where every Gerrit client looks for it.
    package var origin: String {
        guard let url = URLComponents(string: baseURL), let scheme = url.scheme, let host = url.host else { return baseURL }
        return "\(scheme)://\(host)\(url.port.map { ":\($0)" } ?? "")"
    }
}
