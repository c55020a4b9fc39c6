/// A change query that could not be parsed, with the place where parsing failed.
///
/// The position lets a client underline the offending part of a long query instead of leaving the user to
/// guess which of several terms was wrong.
package struct QuerySyntaxError: Error, Equatable, Sendable, CustomStringConvertible {
    /// 0-based offset in characters (grapheme clusters) from the start of the query text.
    package let position: Int
    /// What is wrong, e.g. `unsupported operator "foo"`.
    package let message: String

    package init(position: Int, message: String) {
        self.position = position
        self.message = message
    }

    package var description: String { "query syntax error at position \(position): \(message)" }
}
