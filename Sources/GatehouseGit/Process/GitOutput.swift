/// What one git command printed, and how it ended.
package struct GitOutput: Sendable {
    package let arguments: [String]
    package let exitCode: Int32
    package let stdout: [UInt8]
    package let stderr: [UInt8]

    package var succeeded: Bool { exitCode == 0 }
    /// Standard output as text with the final newline removed; git prints UTF-8 for the plumbing used here.
    package var text: String {
        var s = String(decoding: stdout, as: UTF8.self)
        if s.hasSuffix("\n") { s.removeLast() }
        return s
    }
    package var lines: [Substring] { text.split(separator: "\n", omittingEmptySubsequences: true) }
    package var errorText: String { String(decoding: stderr, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines) }
}

import Foundation
