import Foundation
import GatehouseCore
import GatehouseEvents
import GatehouseReview
import GatehouseStore
import HTTPTypes
import Hummingbird

/// `GET /a/events` (or `/events` for public projects only): the event log as server-sent events.
///
/// Each event is one SSE message whose `id` is its sequence number and whose `data` is its stream-events
/// JSON on one line, so a bot written for `gerrit stream-events` parses the same objects. Without
/// `Last-Event-ID` or `?since=N` the stream starts at the newest event; with either it first replays what came
/// after N. A comment line every `keepAlive` keeps proxies from closing a quiet stream.
///
/// The stream ends when the server shuts down (clients reconnect with `Last-Event-ID`), so a graceful
/// shutdown never waits on a connected bot. A client that had caught up and then falls more than `maxLag`
/// events behind is sent Gerrit's `dropped-output` event and disconnected; it may reconnect with
/// `Last-Event-ID` and read on from the database. Nothing is buffered per client: each batch is read after
/// the previous one was written, so a slow reader costs no server memory.
struct EventRoutes {
    let context: ReviewContext
    let hub: EventHub
    var keepAlive: Duration = .seconds(15)
    /// Bytes of events written at once.
    static let writeSize = 32 << 10
    var maxLag = 50_000

    func stream(_ api: APIRequest) async throws -> Response {
        guard api.method == .get else { throw HTTPFailure.methodNotAllowed }
        guard api.segments.count == 1 else { throw HTTPFailure.notFound() }
        let start: Int
        if let text = api.request.headers[HTTPField.Name("Last-Event-ID")!] ?? api.query["since"] {
            guard let seq = Int(text.trimmingCharacters(in: .whitespaces)), seq >= 0 else {
                throw HTTPFailure.badRequest("\"\(text)\" is not an event sequence number")
            }
            start = seq
        } else {
            start = await hub.head
        }
        let visibility = ProjectVisibility(store: context.store, user: api.user)
        let hub = hub, keepAlive = keepAlive, maxLag = maxLag
        let body = ResponseBody { writer in
            await hub.streamOpened()
            defer { Task { await hub.streamClosed() } }
            var cursor = start
            // A replay reads the backlog at its own pace; only a reader that had caught up and then fell behind
            // is too slow for the live stream.
            var wasLive = false
            // Tells the client how long to wait before reconnecting, and that the stream is open.
            try await writer.write(ByteBuffer(string: "retry: 2000\n: gatehouse events after \(start)\n\n"))
            while !Task.isCancelled, await !hub.isClosed {
                let batch = try await hub.events(after: cursor, limit: 500)
                if batch.isEmpty {
                    let woke = await Self.wait(for: hub, after: cursor, atMost: keepAlive)
                    if !woke { try await writer.write(ByteBuffer(string: ": keep-alive\n\n")) }
                    continue
                }
                // Written in pieces of about `writeSize`, each awaiting the connection's backpressure, so a reader
                // that is behind holds one piece of server memory, not a whole batch.
                var text = ""
                for event in batch where try await visibility.canRead(event.project) {
                    text += "id: \(event.seq)\ndata: \(event.payload)\n\n"
                    if text.utf8.count >= Self.writeSize {
                        try await writer.write(ByteBuffer(string: text))
                        text = ""
                    }
                }
                cursor = batch[batch.count - 1].seq
                if !text.isEmpty { try await writer.write(ByteBuffer(string: text)) }
                let lag = await hub.lag(of: cursor)
                if lag == 0 { wasLive = true }
                if wasLive && lag > maxLag {
                    let created = context.clock().secondsSinceEpoch
                    try await writer.write(ByteBuffer(string: "data: {\"type\":\"dropped-output\",\"eventCreatedOn\":\(created)}\n\n"))
                    break
                }
            }
            try await writer.finish(nil)
        }
        return Response(
            status: .ok,
            headers: [.contentType: "text/event-stream; charset=UTF-8", .cacheControl: "no-cache", HTTPField.Name("X-Accel-Buffering")!: "no"],
            body: body)
    }

    /// Waits for an event after `seq`; false when `limit` passed first.
    private static func wait(for hub: EventHub, after seq: Int, atMost limit: Duration) async -> Bool {
        await withTaskGroup(of: Bool.self) { group in
            group.addTask {
                await hub.waitForEvents(after: seq)
                return !Task.isCancelled
            }
            group.addTask {
                try? await Task.sleep(for: limit)
                return false
            }
            let first = await group.next() ?? false
            group.cancelAll()
            return first
        }
    }
}

/// Which projects' events a stream's reader may see, looked up once per project per stream.
private actor ProjectVisibility {
    let store: Store
    let user: CurrentUser
    private var known: [ProjectName: Bool] = [:]

    init(store: Store, user: CurrentUser) {
        self.store = store
        self.user = user
    }

    func canRead(_ project: ProjectName?) async throws -> Bool {
        guard let project else { return true }
        if let answer = known[project] { return answer }
        let user = user
        let answer = try await store.read { tx in try await tx.project(named: project).map(user.canRead) ?? false }
        known[project] = answer
        return answer
    }
}
