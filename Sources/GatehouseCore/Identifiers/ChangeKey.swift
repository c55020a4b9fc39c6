/// Gerrit's `Change-Id` (`I` followed by 40 lowercase hex digits): the key that ties every patch set of a change
/// together across rebases and amends.
///
/// Named `ChangeKey` so it is never confused with a change *number*. Uppercase hex is refused rather than
/// normalised, because the key is copied verbatim from commit messages and must match them byte for byte.
package struct ChangeKey: Hashable, Comparable, Sendable, CustomStringConvertible {
    package let rawValue: String

    package init?(_ s: String) {
        let bytes = s.utf8
        guard bytes.count == 41, bytes.first == UInt8(ascii: "I"),
            bytes.dropFirst().allSatisfy(ASCIIText.isLowercaseHexDigit)
        else { return nil }
        rawValue = s
    }

    package var description: String { rawValue }

    package static func < (lhs: ChangeKey, rhs: ChangeKey) -> Bool { lhs.rawValue < rhs.rawValue }
}
