/// Votes, inline comments, per-project labels and submit rules, and the kind of each patch set.
let migration0002Approvals: [String] = [
    """
    CREATE TABLE votes (
        change_number BIGINT NOT NULL REFERENCES changes(number),
        patch_set BIGINT NOT NULL,
        label TEXT NOT NULL,
        account_id BIGINT NOT NULL REFERENCES accounts(id),
        value BIGINT NOT NULL,
        tag TEXT,
        created_at BIGINT NOT NULL,
        PRIMARY KEY (change_number, patch_set, label, account_id)
    )
    """,
    """
    CREATE TABLE comments (
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
        tag TEXT,
        change_message_id TEXT,
        created_at BIGINT NOT NULL
    )
    """,
    "CREATE INDEX comments_change ON comments (change_number, patch_set)",
    """
    CREATE TABLE project_labels (
        project TEXT NOT NULL REFERENCES projects(name),
        position BIGINT NOT NULL,
        name TEXT NOT NULL,
        definition TEXT NOT NULL,
        PRIMARY KEY (project, name)
    )
    """,
    "ALTER TABLE projects ADD COLUMN required_code_review_approvals BIGINT NOT NULL DEFAULT 1",
    "ALTER TABLE projects ADD COLUMN labels_customized BIGINT NOT NULL DEFAULT 0",
    "ALTER TABLE patch_sets ADD COLUMN kind TEXT NOT NULL DEFAULT 'REWORK'",
]
