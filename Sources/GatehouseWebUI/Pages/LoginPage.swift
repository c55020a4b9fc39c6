/// `/login`: username and HTTP password, posted with the sign-in CSRF token.
package enum LoginPage {
    package static func render(csrfToken: String, returnTo: String, username: String = "", error: String? = nil) -> HTML {
        let notice: HTML = error.map { "<p class=\"notice bad\" role=\"alert\">\($0)</p>" } ?? ""
        return Layout.page(title: "Sign in", viewer: nil, returnTo: returnTo, """
            <h1>Sign in</h1>
            \(notice)
            <form method="post" action="/login" class="box"><div class="body">
            <input type="hidden" name="csrf" value="\(csrfToken)">
            <input type="hidden" name="to" value="\(returnTo)">
            <p><label for="username">Username</label><br><input type="text" id="username" name="username" value="\(username)" autocomplete="username" required autofocus></p>
            <p><label for="password">HTTP password</label><br><input type="password" id="password" name="password" autocomplete="current-password" required></p>
            <p><button type="submit" class="primary">Sign in</button></p>
            <p class="muted">Use the HTTP password you use with git (an administrator gives it to you, or generate one with
            <code>PUT /a/accounts/self/password.http</code>).</p>
            </div></form>
            """)
    }
}
