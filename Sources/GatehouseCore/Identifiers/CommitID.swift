/// The SHA-1 name of a git commit, always 40 lowercase hex digits.
///
/// Git prints lowercase but users and clients may paste uppercase; normalising on input keeps equality and
/// hashing meaningful.
package struct CommitID: Hashable, Sendable, CustomStringConvertible {
    package let hex: String

    /// Fails unless `s` is exactly 40 hex digits (either case).
    package init?(_ s: String) {
        guard s.utf8.count == 40, s.utf8.allSatisfy(ASCIIText.isHexDigit) else { return nil }
        hex = s.lowercased()
    }

    private init(uncheckedHex: String) {
        hex = uncheckedHex
    }

    /// Git's conventional short form, for messages meant for people.
    package var abbreviated: String { String(hex.prefix(7)) }

    /// Forty zeros: git's "no object", e.g. the old value of a ref being created.
    package static let zero = CommitID(uncheckedHex: String(repeating: "0", count: 40))

    package var description: String { hex }
}
