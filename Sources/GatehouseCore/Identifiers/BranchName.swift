/// A branch of a project in its short form (`main`, `stable/2026.1`); `refName` gives `refs/heads/main`.
///
/// Branch names arrive from pushes (`refs/for/<branch>`), URLs and queries, and end up as arguments to the
/// git command line and as files under `refs/heads/`. So they follow `git check-ref-format` exactly, and in
/// addition may not look like a command-line option (leading `-`), be `HEAD`, or name something outside
/// `refs/heads/`.
package struct BranchName: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The short name, without `refs/heads/`.
    package let rawValue: String

    /// The longest short name we accept, in UTF-8 bytes.
    package static let maximumLength = 255

    private static let headsPrefix = "refs/heads/"

    /// Accepts the short form (`main`) or the full ref name (`refs/heads/main`).
    package init(_ raw: String) throws(ValidationError) {
        let short = raw.hasPrefix(Self.headsPrefix) ? String(raw.dropFirst(Self.headsPrefix.count)) : raw
        try Self.validate(short, as: raw)
        rawValue = short
    }

    /// A short name read back from the store, which accepted it through ``init(_:)`` when it was written.
    ///
    /// Not checked again: validating the branch of every row was a twentieth of a change search's CPU.
    package init(stored short: String) {
        rawValue = short
    }

    package var refName: String { Self.headsPrefix + rawValue }

    package var description: String { rawValue }

    package static func < (lhs: BranchName, rhs: BranchName) -> Bool { lhs.rawValue < rhs.rawValue }

    private static func validate(_ short: String, as raw: String) throws(ValidationError) {
        func invalid(_ reason: String) -> ValidationError {
            ValidationError("invalid branch name \"\(raw)\": \(reason)")
        }
        guard !short.isEmpty else { throw ValidationError("branch name must not be empty") }
        if short.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) {
            throw ValidationError("branch name contains a control character")
        }
        guard short.utf8.count <= maximumLength else {
            throw ValidationError("branch name must be at most \(maximumLength) bytes long")
        }
        if let bad = short.unicodeScalars.first(where: { " ~^:?*[\\".unicodeScalars.contains($0) }) {
            throw invalid("\"\(bad)\" is not allowed")
        }
        if short.contains("..") { throw invalid("\"..\" is not allowed") }
        if short.contains("@{") { throw invalid("\"@{\" is not allowed") }
        if short == "@" { throw invalid("\"@\" alone is not a valid name") }
        if short == "HEAD" { throw invalid("\"HEAD\" is not a valid branch name") }
        if short.hasPrefix("refs/") { throw invalid("only branches under refs/heads/ are allowed") }
        if short.first == "-" { throw invalid("must not start with \"-\"") }
        guard short.first != "/", short.last != "/" else { throw invalid("must not start or end with \"/\"") }
        if short.last == "." { throw invalid("must not end with \".\"") }
        for component in short.split(separator: "/", omittingEmptySubsequences: false) {
            if component.isEmpty { throw invalid("empty path component (\"//\")") }
            if component.first == "." { throw invalid("a path component must not start with \".\"") }
            if component.hasSuffix(".lock") { throw invalid("a path component must not end with \".lock\"") }
        }
    }
}
