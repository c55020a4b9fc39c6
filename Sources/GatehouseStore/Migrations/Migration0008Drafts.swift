/// Draft comments: written one by one while reading a diff, seen only by their author, and published together
/// with the author's next review (Gerrit's workflow). Same shape as `comments`, without the change message.
let migration0008Drafts: [String] = [
    """
    CREATE TABLE comment_drafts (
        id TEXT PRIMARY KEY,
        change_number BIGINT NOT NULL REFERENCES changes(number),
        patch_set BIGINT NOT NULL,
        path TEXT NOT NULL,
        side TEXT NOT NULL,
        line BIGINT,
        start_line BIGINT,
        start_character BIGINT,
        end_line BIGINT,
        end_character BIGINT,
        in_reply_to TEXT,
        message TEXT NOT NULL,
        unresolved BIGINT NOT NULL,
        author_id BIGINT NOT NULL REFERENCES accounts(id),
        created_at BIGINT NOT NULL
    )
    """,
    "CREATE INDEX comment_drafts_author ON comment_drafts (change_number, author_id)",
]
