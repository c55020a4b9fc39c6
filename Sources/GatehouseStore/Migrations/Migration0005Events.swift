/// The durable event log, and the webhooks that read from it.
///
/// `events.seq` comes from the `event` counter, taken in the same transaction as the write it describes. The
/// counter row stays locked until that transaction ends, so sequence numbers are handed out in commit order:
/// a reader that has seen event N can never later meet an event below N, which is what lets every stream
/// resume from a single number. `payload` is the event's JSON exactly as streamed and delivered.
///
/// A webhook delivery row is written in the same transaction as its event, so an event that committed is
/// delivered even when the server dies before the worker got to it.
let migration0005Events: [String] = [
    "INSERT INTO counters (name, value) VALUES ('event', 0), ('webhook', 0), ('webhook_delivery', 0)",
    """
    CREATE TABLE events (
        seq BIGINT PRIMARY KEY,
        type TEXT NOT NULL,
        project TEXT,
        change_number BIGINT,
        created_at BIGINT NOT NULL,
        payload TEXT NOT NULL
    )
    """,
    """
    CREATE TABLE webhooks (
        id BIGINT PRIMARY KEY,
        project TEXT NOT NULL REFERENCES projects(name),
        url TEXT NOT NULL,
        secret TEXT NOT NULL,
        event_types TEXT NOT NULL,
        created_by BIGINT NOT NULL REFERENCES accounts(id),
        created_at BIGINT NOT NULL
    )
    """,
    "CREATE INDEX webhooks_project ON webhooks (project)",
    """
    CREATE TABLE webhook_deliveries (
        id BIGINT PRIMARY KEY,
        webhook_id BIGINT NOT NULL,
        event_seq BIGINT NOT NULL,
        state TEXT NOT NULL,
        attempts BIGINT NOT NULL,
        next_attempt_at BIGINT NOT NULL,
        last_status BIGINT,
        last_error TEXT,
        created_at BIGINT NOT NULL,
        finished_at BIGINT
    )
    """,
    "CREATE INDEX webhook_deliveries_due ON webhook_deliveries (state, next_attempt_at)",
    "CREATE INDEX webhook_deliveries_hook ON webhook_deliveries (webhook_id, id)",
]
