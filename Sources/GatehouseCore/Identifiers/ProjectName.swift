/// The name of a project, e.g. `test/project`, validated once so every layer can trust it.
///
/// Project names become URL paths (`/<name>.git`, `/a/<name>`), directory names on disk and ids in JSON, so
/// the rules are strict: a small ASCII alphabet, `/`-separated segments that cannot climb out of the
/// repository root, no `.git` suffix that would make `/<name>.git` ambiguous, and no first segment that
/// collides with a server route.
package struct ProjectName: Hashable, Comparable, Sendable, CustomStringConvertible {
    package let rawValue: String

    /// Route prefixes the server owns. A project whose first segment is one of these would shadow or be
    /// shadowed by a route, because git and REST share one URL space.
    package static let reservedFirstSegments: Set<String> = [
        "a", "p", "c", "changes", "accounts", "groups", "projects", "config", "tools", "login", "logout",
        "dashboard", "q", "api", "logs", "status", "metrics", "id", "static", "plugins",
    ]

    /// The longest name we accept, in UTF-8 bytes (which equal characters, as only ASCII is allowed).
    package static let maximumLength = 255

    package init(_ raw: String) throws(ValidationError) {
        try Self.validate(raw)
        rawValue = raw
    }

    /// A name read back from the store, which accepted it through ``init(_:)`` when it was written.
    ///
    /// Not checked again: validating the names of every row was a noticeable part of a change search's CPU.
    package init(stored raw: String) {
        rawValue = raw
    }

    package var description: String { rawValue }

    /// The name as one URL path segment: `/` becomes `%2F`, as in Gerrit ids like `test%2Fproject~1`.
    package var urlEncoded: String { PercentEncoding.encodeComponent(rawValue) }

    package static func < (lhs: ProjectName, rhs: ProjectName) -> Bool { lhs.rawValue < rhs.rawValue }

    private static func validate(_ raw: String) throws(ValidationError) {
        func invalid(_ reason: String) -> ValidationError {
            ValidationError("invalid project name \"\(raw)\": \(reason)")
        }
        guard !raw.isEmpty else { throw ValidationError("project name must not be empty") }
        // Control characters are reported before anything that would echo the name back verbatim.
        if raw.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) {
            throw ValidationError("project name contains a control character")
        }
        guard raw.utf8.count <= maximumLength else {
            throw ValidationError("project name must be at most \(maximumLength) bytes long")
        }
        if let bad = raw.unicodeScalars.first(where: { !isAllowed($0) }) {
            throw invalid("\"\(bad)\" is not allowed; use only letters, digits, \"-\", \"_\", \".\" and \"/\"")
        }
        guard raw.first != "/", raw.last != "/" else { throw invalid("must not start or end with \"/\"") }
        let segments = raw.split(separator: "/", omittingEmptySubsequences: false)
        for segment in segments {
            if segment.isEmpty { throw invalid("empty path segment (\"//\")") }
            if segment == "." || segment == ".." { throw invalid("\"\(segment)\" is not allowed") }
            if segment.first == "." { throw invalid("a path segment must not start with \".\"") }
            if segment.first == "-" { throw invalid("a path segment must not start with \"-\"") }
        }
        if raw.hasSuffix(".git") { throw invalid("the name must not end in \".git\"") }
        // Repositories live at `<root>/<name>.git`, so `foo.git/bar` would be stored inside the repository of
        // project `foo`.
        if segments.dropLast().contains(where: { $0.hasSuffix(".git") }) {
            throw invalid("a path segment must not end in \".git\"")
        }
        if let first = segments.first, reservedFirstSegments.contains(String(first)) {
            throw invalid("\"\(first)\" is reserved for server routes and cannot be the first path segment")
        }
    }

    private static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "a"..."z", "A"..."Z", "0"..."9", "-", "_", ".", "/": true
        default: false
        }
    }
}
