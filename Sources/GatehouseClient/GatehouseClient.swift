import AsyncHTTPClient
public import Foundation
public import GatehouseAPIModels
import NIOCore
import NIOFoundationCompat
import NIOHTTP1

/// A client for Gatehouse's Gerrit-compatible REST API, used by the `gatehouse` command line.
public struct GatehouseClient: Sendable {
    public let configuration: ClientConfiguration

    public init(configuration: ClientConfiguration) {
        self.configuration = configuration
    }

    /// `GET /changes/?q=…` with the options a list needs.
    public func changes(query: String, limit: Int = 25) async throws -> [ChangeInfo] {
        try JSONDecoder().decode([ChangeInfo].self, from: try await request(.GET, "/changes/", query: [("q", query), ("n", "\(limit)"), ("o", "LABELS")]))
    }

    public func change(_ id: String, detail: Bool = true) async throws -> ChangeInfo {
        let path = "/changes/\(Self.encode(id))" + (detail ? "/detail" : "")
        return try JSONDecoder().decode(ChangeInfo.self, from: try await request(.GET, path, query: [("o", "CURRENT_REVISION")]))
    }

    /// Posts a review on the current patch set.
    public func review(_ id: String, labels: [String: Int], message: String?) async throws -> ReviewResult {
        let body = try JSONEncoder().encode(ReviewInput(message: message, labels: labels.isEmpty ? nil : labels))
        return try JSONDecoder().decode(ReviewResult.self, from: try await request(.POST, "/changes/\(Self.encode(id))/revisions/current/review", body: body))
    }

    public func abandon(_ id: String, message: String?) async throws -> ChangeInfo {
        let body = try JSONEncoder().encode(MessageInput(message: message))
        return try JSONDecoder().decode(ChangeInfo.self, from: try await request(.POST, "/changes/\(Self.encode(id))/abandon", body: body))
    }

    public func restore(_ id: String, message: String?) async throws -> ChangeInfo {
        let body = try JSONEncoder().encode(MessageInput(message: message))
        return try JSONDecoder().decode(ChangeInfo.self, from: try await request(.POST, "/changes/\(Self.encode(id))/restore", body: body))
    }

    /// `GET /api/gate/status`: every queue, check run, and approved change outside the gate.
    public func gateStatus() async throws -> GateStatusInfo {
        try JSONDecoder().decode(GateStatusInfo.self, from: try await request(.GET, "/api/gate/status"))
    }

    /// `GET /api/changes/{number}/builds`.
    public func builds(change: Int) async throws -> [BuildInfo] {
        try JSONDecoder().decode([BuildInfo].self, from: try await request(.GET, "/api/changes/\(change)/builds"))
    }

    /// `GET /api/projects/{name}/webhooks`.
    public func webhooks(project: String) async throws -> [WebhookInfo] {
        try JSONDecoder().decode([WebhookInfo].self, from: try await request(.GET, Self.webhooksPath(project)))
    }

    public func addWebhook(project: String, _ input: WebhookInput) async throws -> WebhookInfo {
        let body = try JSONEncoder().encode(input)
        return try JSONDecoder().decode(WebhookInfo.self, from: try await request(.POST, Self.webhooksPath(project), body: body))
    }

    public func deleteWebhook(project: String, id: Int) async throws {
        _ = try await request(.DELETE, Self.webhooksPath(project) + "/\(id)")
    }

    /// A webhook's delivery log, newest first.
    public func deliveries(project: String, webhook: Int, limit: Int = 100) async throws -> [WebhookDeliveryInfo] {
        let data = try await request(.GET, Self.webhooksPath(project) + "/\(webhook)/deliveries", query: [("n", "\(limit)")])
        return try JSONDecoder().decode([WebhookDeliveryInfo].self, from: data)
    }

    /// Queues a delivery's event again; returns the new delivery.
    public func redeliver(project: String, webhook: Int, delivery: Int) async throws -> WebhookDeliveryInfo {
        let data = try await request(.POST, Self.webhooksPath(project) + "/\(webhook)/deliveries/\(delivery)/redeliver")
        return try JSONDecoder().decode(WebhookDeliveryInfo.self, from: data)
    }

    public static func webhooksPath(_ project: String) -> String { "/api/projects/\(encode(project))/webhooks" }

    /// The raw JSON of a GET, for `--json`.
    public func raw(_ path: String, query: [(String, String)] = []) async throws -> Data {
        try await request(.GET, path, query: query)
    }

    /// Sends a request (under `/a/` when credentials are configured) and returns the JSON without its `)]}'` line.
    private func request(_ method: HTTPMethod, _ path: String, query: [(String, String)] = [], body: Data? = nil) async throws -> Data {
        let authenticated = configuration.username != nil && configuration.password != nil
        var components = URLComponents(string: configuration.baseURL + (authenticated ? "/a" : "") + path)
        if !query.isEmpty { components?.queryItems = query.map { URLQueryItem(name: $0.0, value: $0.1) } }
        guard let url = components?.string else { throw ClientError.configuration("invalid server URL \(configuration.baseURL)") }
        var request = HTTPClientRequest(url: url)
        request.method = method
        request.headers.add(name: "Accept", value: "application/json")
        if let username = configuration.username, let password = configuration.password {
            request.headers.add(name: "Authorization", value: "Basic " + Data("\(username):\(password)".utf8).base64EncodedString())
        }
        if let body {
            request.headers.add(name: "Content-Type", value: "application/json; charset=UTF-8")
            request.body = .bytes(ByteBuffer(data: body))
        }
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(30))
        var buffer = try await response.body.collect(upTo: 64 << 20)
        let data = buffer.readData(length: buffer.readableBytes) ?? Data()
        guard (200..<300).contains(Int(response.status.code)) else {
            throw ClientError.server(status: Int(response.status.code), message: String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
        }
        let prefix = Data(")]}'\n".utf8)
        return data.starts(with: prefix) ? data.dropFirst(prefix.count) : data
    }

    /// Encodes one path segment (`project~12` keeps its tilde, a slash in a project becomes %2F).
    static func encode(_ segment: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return segment.addingPercentEncoding(withAllowedCharacters: allowed) ?? segment
    }
}
