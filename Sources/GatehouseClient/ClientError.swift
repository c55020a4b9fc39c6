/// What the client reports to the person running it.
public enum ClientError: Error, CustomStringConvertible {
    case configuration(String)
    /// The server refused, with its own one-line reason.
    case server(status: Int, message: String)
    case unreadableResponse(String)

    public var description: String {
        switch self {
        case .configuration(let message): message
        case .server(let status, let message): "server answered \(status): \(message)"
        case .unreadableResponse(let message): "unreadable response: \(message)"
        }
    }
}
