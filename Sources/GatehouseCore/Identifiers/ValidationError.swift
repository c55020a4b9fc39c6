/// A value that came from outside (a URL, a push, a request body) broke one of our naming or syntax rules.
///
/// It carries only a sentence, because every caller shows it verbatim to a person — as an HTTP 400
/// body or a `remote:` line during a push — and there is nothing for code to branch on.
package struct ValidationError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The complete, user-facing explanation, e.g. `invalid project name "a/../b": ".." is not allowed`.
    package let message: String

    package init(_ message: String) {
        self.message = message
    }

    package var description: String { message }
}
