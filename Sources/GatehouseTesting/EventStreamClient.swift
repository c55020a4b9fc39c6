package import AsyncHTTPClient
import Foundation
import NIOCore
import NIOFoundationCompat
import NIOHTTP1
import Synchronization

/// A server-sent-events client for tests: reads `GET /a/events` as a bot would, one message at a time.
package final class EventStreamClient: @unchecked Sendable {
    /// One SSE message: its `id` line and its `data` parsed as JSON.
    package struct Message: Sendable {
        package let id: Int?
        package let data: String
        /// When the message's last line arrived.
        package let receivedAt: ContinuousClock.Instant

        package var json: [String: Any] {
            (try? JSONSerialization.jsonObject(with: Data(data.utf8))) as? [String: Any] ?? [:]
        }

        package var type: String { json["type"] as? String ?? "" }
    }

    private let received = Mutex<(messages: [Message], ended: Bool)>(([], false))
    private var task: Task<Void, Never>?
    /// The response status, once the headers arrived.
    package let status: Int

    private init(status: Int) {
        self.status = status
    }

    /// Connects; returns once the server answered with its headers.
    /// - Parameter client: pass one with a large connection pool to hold many streams at once (the shared
    ///   client opens at most 8 connections per host).
    package static func connect(
        _ url: String, user: (String, String)?, headers: [(String, String)] = [], client: HTTPClient = .shared
    ) async throws -> EventStreamClient {
        var request = HTTPClientRequest(url: url)
        if let (name, password) = user {
            request.headers.add(name: "Authorization", value: "Basic " + Data("\(name):\(password)".utf8).base64EncodedString())
        }
        request.headers.add(name: "Accept", value: "text/event-stream")
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        let response = try await client.execute(request, timeout: .hours(1))
        let stream = EventStreamClient(status: Int(response.status.code))
        stream.task = Task {
            var pending = ""
            var id: Int?
            var data: [String] = []
            do {
                for try await buffer in response.body {
                    pending += String(buffer: buffer)
                    while let newline = pending.firstIndex(of: "\n") {
                        let line = String(pending[..<newline])
                        pending = String(pending[pending.index(after: newline)...])
                        if line.isEmpty {
                            if !data.isEmpty {
                                let message = Message(id: id, data: data.joined(separator: "\n"), receivedAt: .now)
                                stream.received.withLock { $0.messages.append(message) }
                            }
                            id = nil
                            data = []
                        } else if line.hasPrefix("id: ") {
                            id = Int(line.dropFirst(4))
                        } else if line.hasPrefix("data: ") {
                            data.append(String(line.dropFirst(6)))
                        }
                    }
                }
            } catch {}
            stream.received.withLock { $0.ended = true }
        }
        return stream
    }

    /// The next message, or nil when the stream ended or `timeout` passed.
    package func next(timeout: Duration = .seconds(20)) async -> Message? {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            let (message, ended) = received.withLock { state -> (Message?, Bool) in
                state.messages.isEmpty ? (nil, state.ended) : (state.messages.removeFirst(), false)
            }
            if let message { return message }
            if ended { return nil }
            try? await Task.sleep(for: .milliseconds(5))
        }
        return nil
    }

    /// Every message received and not yet read, taken at once.
    package func drain() -> [Message] {
        received.withLock { state in
            defer { state.messages = [] }
            return state.messages
        }
    }

    /// Whether the server closed the stream.
    package var hasEnded: Bool { received.withLock { $0.ended && $0.messages.isEmpty } }

    /// Reads messages until one of `type` arrives; fails the wait (nil) after `timeout`.
    package func next(ofType type: String, timeout: Duration = .seconds(20)) async -> Message? {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            guard let message = await next(timeout: deadline - ContinuousClock.now) else { return nil }
            if message.type == type { return message }
        }
        return nil
    }

    package func close() {
        task?.cancel()
    }
}
