/// Browser sessions: a signed-in browser holds a random session id in a cookie; the database keeps only its
/// SHA-256, so a leaked database (or backup) signs nobody in. `csrf_token` is the session's form token.
let migration0007WebSessions: [String] = [
    """
    CREATE TABLE web_sessions (
        id_hash TEXT PRIMARY KEY,
        account_id BIGINT NOT NULL REFERENCES accounts(id),
        csrf_token TEXT NOT NULL,
        created_at BIGINT NOT NULL,
        expires_at BIGINT NOT NULL
    )
    """,
    "CREATE INDEX web_sessions_account ON web_sessions (account_id)",
]
