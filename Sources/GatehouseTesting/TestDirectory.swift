import Foundation

/// A fresh temporary directory per test, removed when the test is done with it.
package struct TestDirectory: Sendable {
    package let path: String

    package init(_ label: String = "test") throws {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("gatehouse-\(label)-\(UUID().uuidString.prefix(8))").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    package func remove() {
        try? FileManager.default.removeItem(atPath: path)
    }

    package func file(_ name: String) -> String { "\(path)/\(name)" }
}
