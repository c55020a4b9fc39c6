import Foundation

/// The checks a webhook URL passes before it is stored: an absolute http(s) URL with a host, no credentials
/// in it, and not this server itself (a hook that posts to Gatehouse would feed its own deliveries back in).
package struct WebhookTarget: Sendable {
    /// Where this server listens and where users reach it; a URL naming either is refused.
    private let ownAddresses: [(host: String, port: Int)]

    package init(listenHost: String, listenPort: Int, baseURL: String) {
        var own = [(Self.normalise(listenHost), listenPort)]
        if let url = URLComponents(string: baseURL), let host = url.host {
            own.append((Self.normalise(host), url.port ?? (url.scheme == "https" ? 443 : 80)))
        }
        ownAddresses = own
    }

    /// The reason `text` is not an acceptable webhook URL, or nil when it is.
    package func problem(with text: String) -> String? {
        guard text.utf8.count <= 2048 else { return "webhook URL is longer than 2048 bytes" }
        guard let url = URLComponents(string: text), let scheme = url.scheme?.lowercased() else {
            return "\"\(text)\" is not a URL"
        }
        guard scheme == "http" || scheme == "https" else { return "webhook URL must be http or https, not \(scheme)" }
        guard let rawHost = url.host, !rawHost.isEmpty else { return "webhook URL has no host" }
        guard url.user == nil, url.password == nil else { return "webhook URL must not carry credentials; use the secret to authenticate" }
        let host = Self.normalise(rawHost)
        let port = url.port ?? (scheme == "https" ? 443 : 80)
        for own in ownAddresses where port == own.port && (host == own.host || (Self.isLocal(host) && Self.isLocal(own.host))) {
            return "webhook URL points at this Gatehouse server (\(rawHost):\(port))"
        }
        return nil
    }

    private static func normalise(_ host: String) -> String {
        host.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
    }

    /// Names that reach this machine: loopback, the wildcard address a server listens on, `localhost`.
    private static func isLocal(_ host: String) -> Bool {
        host == "localhost" || host.hasSuffix(".localhost") || host.hasPrefix("127.") || host == "::1" || host == "0.0.0.0" || host == "::"
    }
}
