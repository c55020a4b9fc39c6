import Foundation

/// The two storage backends every Store and server test runs on.
///
/// PostgreSQL needs `GATEHOUSE_TEST_POSTGRES_URL` (the README's test command starts a throwaway cluster and
/// sets it). Without it, PostgreSQL cases are left out locally; under `CI=true` a test fails instead, so CI can
/// never pass without having run them.
package enum TestBackend: String, CaseIterable, Sendable, CustomStringConvertible {
    case sqlite
    case postgres

    package var description: String { rawValue }

    package static var postgresAdminURL: String? {
        ProcessInfo.processInfo.environment["GATEHOUSE_TEST_POSTGRES_URL"].flatMap { $0.isEmpty ? nil : $0 }
    }

    package static var isCI: Bool { ProcessInfo.processInfo.environment["CI"] == "true" }

    /// The backends this run can use.
    package static var available: [TestBackend] {
        postgresAdminURL == nil ? [.sqlite] : [.sqlite, .postgres]
    }
}
