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
}
