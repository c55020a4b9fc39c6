import Foundation

/// Where and how to send mail, read from `--smtp-url smtp://[user:password@]host[:port][?starttls=true&ca=FILE]`.
///
/// `smtps://` speaks TLS from the first byte (port 465 by default); `smtp://` is plain (port 25), upgraded with
/// STARTTLS when `starttls=true`, in which case a server that does not offer STARTTLS is an error rather than
/// a silent fall-back to plain text. `ca` names a PEM file of certificates to trust instead of the system's,
/// for a relay with a private certificate. Everything is checked here, at start-up, so a typo never waits
/// for the first mail to show.
package struct SMTPConfiguration: Hashable, Sendable {
    package enum Security: Hashable, Sendable {
        case plain
        case startTLS
        case implicitTLS
    }

    package var host: String
    package var port: Int
    package var security: Security
    package var username: String?
    package var password: String?
    /// A PEM file with the certificates to trust, or nil for the system's.
    package var trustedCertificates: String?

    package init(host: String, port: Int, security: Security = .plain, username: String? = nil, password: String? = nil, trustedCertificates: String? = nil) {
        self.host = host
        self.port = port
        self.security = security
        self.username = username
        self.password = password
        self.trustedCertificates = trustedCertificates
    }

    package init(url text: String) throws(SMTPError) {
        guard let components = URLComponents(string: text), let scheme = components.scheme?.lowercased() else {
            throw .configuration("\"\(text)\" is not a URL; use smtp://[user:password@]host[:port][?starttls=true]")
        }
        guard scheme == "smtp" || scheme == "smtps" else {
            throw .configuration("the SMTP URL must start with smtp:// or smtps://, not \(scheme)://")
        }
        guard let host = components.host, !host.isEmpty else { throw .configuration("the SMTP URL \"\(text)\" names no host") }
        guard components.path.isEmpty || components.path == "/" else {
            throw .configuration("the SMTP URL takes no path (\"\(components.path)\")")
        }
        var security: Security = scheme == "smtps" ? .implicitTLS : .plain
        var trusted: String?
        for item in components.queryItems ?? [] {
            switch item.name {
            case "starttls":
                switch item.value?.lowercased() {
                case "true", "1", "yes":
                    guard scheme == "smtp" else { throw .configuration("starttls=true goes with smtp://; smtps:// is TLS from the start") }
                    security = .startTLS
                case "false", "0", "no": break
                default: throw .configuration("starttls must be true or false, not \"\(item.value ?? "")\"")
                }
            case "ca":
                guard let path = item.value, !path.isEmpty else { throw .configuration("ca= needs the path of a PEM file") }
                guard FileManager.default.isReadableFile(atPath: path) else { throw .configuration("cannot read the CA file \(path)") }
                trusted = path
            default:
                throw .configuration("unknown SMTP URL parameter \"\(item.name)\" (known: starttls, ca)")
            }
        }
        if trusted != nil && security == .plain { throw .configuration("ca= needs TLS: use smtps:// or starttls=true") }
        let port = components.port ?? (scheme == "smtps" ? 465 : 25)
        guard (1...65_535).contains(port) else { throw .configuration("SMTP port \(port) is out of range") }
        let username = components.user.flatMap { $0.removingPercentEncoding }
        let password = components.password.flatMap { $0.removingPercentEncoding }
        guard (username == nil) == (password == nil), username?.isEmpty != true else {
            throw .configuration("the SMTP URL needs both a user and a password, or neither")
        }
        self.init(host: host, port: port, security: security, username: username, password: password, trustedCertificates: trusted)
    }

    /// `host:port`, for messages; never the password.
    package var address: String { "\(host.contains(":") ? "[\(host)]" : host):\(port)" }
}
