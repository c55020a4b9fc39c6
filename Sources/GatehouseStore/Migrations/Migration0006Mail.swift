/// E-mail: each account's choice of mail, and how far the mail worker has read the event log.
///
/// The worker follows the log with one cursor (`counters.mail_cursor`, the last event it finished with), so a
/// crash between a commit and its mail only delays the mail. -1 means mail has never run on this database: the
/// first start then begins at the newest event instead of mailing the whole history. `mail_sent` and
/// `mail_failed` count messages for `/metrics`, kept here so the figures survive restarts.
let migration0006Mail: [String] = [
    "INSERT INTO counters (name, value) VALUES ('mail_cursor', -1), ('mail_sent', 0), ('mail_failed', 0)",
    """
    CREATE TABLE account_preferences (
        account_id BIGINT PRIMARY KEY REFERENCES accounts(id),
        email_strategy TEXT NOT NULL
    )
    """,
]
