public import Foundation

/// Where the server is and who we are: `GATEHOUSE_URL`, `GATEHOUSE_USER`, `GATEHOUSE_PASSWORD`, or the
/// `~/.netrc` entry for the server's host (as pygerrit2 reads it).
public struct ClientConfiguration: Sendable {
    public var baseURL: String
    public var username: String?
    public var password: String?

    public init(baseURL: String, username: String?, password: String?) {
        self.baseURL = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
        self.username = username
        self.password = password
    }

    /// Reads the environment, falling back to `netrc` (default `~/.netrc`) for missing credentials.
    public static func fromEnvironment(
        _ environment: [String: String] = ProcessInfo.processInfo.environment, netrcPath: String? = nil
    ) throws -> ClientConfiguration {
        guard let url = environment["GATEHOUSE_URL"], !url.isEmpty else {
            throw ClientError.configuration("set GATEHOUSE_URL to the server's address, e.g. http://127.0.0.1:8080")
        }
        let nonEmpty: (String) -> String? = { environment[$0].flatMap { $0.isEmpty ? nil : $0 } }
        var configuration = ClientConfiguration(baseURL: url, username: nonEmpty("GATEHOUSE_USER"), password: nonEmpty("GATEHOUSE_PASSWORD"))
        if configuration.username == nil || configuration.password == nil,
            let host = URLComponents(string: url)?.host,
            let entry = Netrc.entry(for: host, path: netrcPath ?? "\(environment["HOME"] ?? NSHomeDirectory())/.netrc")
        {
            configuration.username = configuration.username ?? entry.login
            configuration.password = configuration.password ?? entry.password
        }
        return configuration
    }
}

/// The few lines of `.netrc` a client needs: `machine HOST login USER password PASS`.
enum Netrc {
    static func entry(for host: String, path: String) -> (login: String, password: String)? {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return nil }
        let tokens = text.split(whereSeparator: \.isWhitespace).map(String.init)
        var index = 0
        var current: String?
        var login: String?
        var password: String?
        while index < tokens.count {
            let token = tokens[index]
            let value = index + 1 < tokens.count ? tokens[index + 1] : nil
            switch token {
            case "machine":
                if current == host, let login, let password { return (login, password) }
                current = value
                login = nil
                password = nil
                index += 2
            case "default":
                if current == host, let login, let password { return (login, password) }
                current = host  // a default entry applies to every host
                index += 1
            case "login":
                login = value
                index += 2
            case "password":
                password = value
                index += 2
            default:
                index += 1
            }
        }
        if current == host, let login, let password { return (login, password) }
        return nil
    }
}
