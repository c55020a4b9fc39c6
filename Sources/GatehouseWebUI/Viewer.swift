/// Who is looking at a page: shown in the header, and the CSRF token every form of the page carries.
package struct Viewer: Hashable, Sendable {
    package let username: String
    package let displayName: String
    /// The session's token: a form posted without it is refused.
    package let csrfToken: String

    package init(username: String, displayName: String, csrfToken: String) {
        self.username = username
        self.displayName = displayName
        self.csrfToken = csrfToken
    }

    /// The hidden field every form of a signed-in page carries.
    package var csrfField: HTML { "<input type=\"hidden\" name=\"csrf\" value=\"\(csrfToken)\">" }
}
