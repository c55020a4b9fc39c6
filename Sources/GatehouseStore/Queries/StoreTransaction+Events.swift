package import GatehouseCore
import SQLKit

extension StoreTransaction {
    /// Appends an event to the log and queues it for every webhook of its project that wants it, all inside
    /// this transaction: the event exists exactly when the write it describes does.
    ///
    /// The `event` counter row stays locked from here to the commit (which is what keeps sequence numbers in
    /// commit order). Take every other counter of the transaction before it: two transactions that took the
    /// same two counters in opposite orders would deadlock on PostgreSQL. And keep what follows short (no
    /// git, no network): every other writer of events waits for this commit.
    @discardableResult
    package func appendEvent(
        _ type: EventType, project: ProjectName?, change: Change.Number?, payload: (Int) throws -> String, now: Timestamp
    ) async throws -> Event {
        let seq = try await nextNumber("event")
        let event = Event(seq: seq, type: type, project: project, change: change, createdAt: now, payload: try payload(seq))
        try await sql.raw("""
            INSERT INTO events (seq, type, project, change_number, created_at, payload)
            VALUES (\(bind: seq), \(bind: type.rawValue), \(bind: project?.rawValue), \(bind: change), \(bind: now.nanosecondsSinceEpoch),
                    \(bind: event.payload))
            """).run()
        if let project {
            for hook in try await webhooks(of: project) where hook.wants(type) {
                try await insertDelivery(webhook: hook.id, eventSeq: seq, now: now)
            }
        }
        effects?.noteAppendedEvent()
        return event
    }

    /// Events after `seq`, oldest first.
    package func events(after seq: Int, limit: Int) async throws -> [Event] {
        try await sql.raw("""
            SELECT seq, type, project, change_number, created_at, payload FROM events WHERE seq > \(bind: seq) ORDER BY seq LIMIT \(bind: limit)
            """).all().map(Self.event(from:))
    }

    package func event(seq: Int) async throws -> Event? {
        try await sql.raw("""
            SELECT seq, type, project, change_number, created_at, payload FROM events WHERE seq = \(bind: seq)
            """).first().map(Self.event(from:))
    }

    /// The types of the events numbered `seqs`, in one query (a delivery log names each delivery's event).
    package func eventTypes(seqs: [Int]) async throws -> [Int: EventType] {
        guard !seqs.isEmpty else { return [:] }
        var types: [Int: EventType] = [:]
        for row in try await sql.raw("SELECT seq, type FROM events WHERE seq IN (\(binds: seqs))").all() {
            types[try row.decode(column: "seq", as: Int.self)] = EventType(rawValue: try row.decode(column: "type", as: String.self))
        }
        return types
    }

    /// The newest sequence number, 0 when the log is empty.
    package func lastEventSeq() async throws -> Int {
        try await sql.raw("SELECT COALESCE(MAX(seq), 0) AS seq FROM events").first()?.decode(column: "seq", as: Int.self) ?? 0
    }

    static func event(from row: any SQLRow) throws -> Event {
        let typeName = try row.decode(column: "type", as: String.self)
        let rawProject = try row.decode(column: "project", as: String?.self)
        guard let type = EventType(rawValue: typeName) else { throw StoreError.corrupt("event type \(typeName)") }
        let project = try rawProject.map { raw in
            guard let name = try? ProjectName(raw) else { throw StoreError.corrupt("event project \(raw)") }
            return name
        }
        return Event(
            seq: try row.decode(column: "seq", as: Int.self), type: type, project: project,
            change: try row.decode(column: "change_number", as: Int?.self),
            createdAt: Timestamp(nanosecondsSinceEpoch: try row.decode(column: "created_at", as: Int64.self)),
            payload: try row.decode(column: "payload", as: String.self)
        )
    }
}
