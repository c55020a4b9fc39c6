/// Why a commit's message does not name exactly one change.
///
/// The descriptions are Gerrit's exact wording: people search for these messages, and git-review's
/// documentation and the hook hint refer to them.
package enum ChangeKeyFooterError: Error, Equatable, Sendable, CustomStringConvertible {
    /// No `Change-Id` anywhere in the message.
    case missing
    /// The footer names two or more different changes.
    case multiple
    /// The footer has a `Change-Id:` line, but its value is not `I` followed by 40 lowercase hex digits.
    case invalidFormat
    /// A `Change-Id:` line exists, but not in the last paragraph, where only trailers count.
    case notInFooter

    package var description: String {
        switch self {
        case .missing: "missing Change-Id in message footer"
        case .multiple: "multiple Change-Id lines in message footer"
        case .invalidFormat: "invalid Change-Id line format in message footer"
        case .notInFooter: "Change-Id must be in message footer"
        }
    }
}
