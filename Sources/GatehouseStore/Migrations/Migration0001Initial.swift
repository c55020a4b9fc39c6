/// Accounts, groups, projects, changes and patch sets: what the push-for-review flow needs.
let migration0001Initial: [String] = [
    """
    CREATE TABLE counters (name TEXT PRIMARY KEY, value BIGINT NOT NULL)
    """,
    """
    INSERT INTO counters (name, value) VALUES ('account', 999999), ('group', 0), ('change', 0)
    """,
    """
    CREATE TABLE accounts (
        id BIGINT PRIMARY KEY,
        username TEXT NOT NULL UNIQUE,
        full_name TEXT,
        email TEXT UNIQUE,
        active BIGINT NOT NULL,
        created_at BIGINT NOT NULL
    )
    """,
    """
    CREATE TABLE account_passwords (
        account_id BIGINT PRIMARY KEY REFERENCES accounts(id),
        hash TEXT NOT NULL,
        updated_at BIGINT NOT NULL
    )
    """,
    """
    CREATE TABLE account_groups (
        id BIGINT PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        description TEXT,
        created_at BIGINT NOT NULL
    )
    """,
    """
    CREATE TABLE group_members (
        group_id BIGINT NOT NULL REFERENCES account_groups(id),
        account_id BIGINT NOT NULL REFERENCES accounts(id),
        PRIMARY KEY (group_id, account_id)
    )
    """,
    "CREATE INDEX group_members_account ON group_members (account_id)",
    """
    CREATE TABLE projects (
        name TEXT PRIMARY KEY,
        description TEXT,
        private BIGINT NOT NULL,
        head_branch TEXT NOT NULL,
        created_at BIGINT NOT NULL
    )
    """,
    """
    CREATE TABLE changes (
        number BIGINT PRIMARY KEY,
        project TEXT NOT NULL REFERENCES projects(name),
        branch TEXT NOT NULL,
        change_key TEXT NOT NULL,
        owner_id BIGINT NOT NULL REFERENCES accounts(id),
        subject TEXT NOT NULL,
        status TEXT NOT NULL,
        topic TEXT,
        wip BIGINT NOT NULL,
        current_patch_set BIGINT NOT NULL,
        created_at BIGINT NOT NULL,
        updated_at BIGINT NOT NULL,
        UNIQUE (project, branch, change_key)
    )
    """,
    "CREATE INDEX changes_updated ON changes (updated_at, number)",
    "CREATE INDEX changes_project_status ON changes (project, status, updated_at)",
    "CREATE INDEX changes_status ON changes (status, updated_at)",
    "CREATE INDEX changes_key ON changes (change_key)",
    "CREATE INDEX changes_owner ON changes (owner_id, status)",
    "CREATE INDEX changes_topic ON changes (topic)",
    """
    CREATE TABLE change_hashtags (
        change_number BIGINT NOT NULL REFERENCES changes(number),
        hashtag TEXT NOT NULL,
        PRIMARY KEY (change_number, hashtag)
    )
    """,
    "CREATE INDEX change_hashtags_hashtag ON change_hashtags (hashtag)",
    """
    CREATE TABLE patch_sets (
        change_number BIGINT NOT NULL REFERENCES changes(number),
        number BIGINT NOT NULL,
        commit_id TEXT NOT NULL,
        parents TEXT NOT NULL,
        uploader_id BIGINT NOT NULL REFERENCES accounts(id),
        created_at BIGINT NOT NULL,
        PRIMARY KEY (change_number, number)
    )
    """,
    "CREATE INDEX patch_sets_commit ON patch_sets (commit_id)",
    """
    CREATE TABLE change_messages (
        id TEXT PRIMARY KEY,
        change_number BIGINT NOT NULL REFERENCES changes(number),
        author_id BIGINT REFERENCES accounts(id),
        patch_set BIGINT,
        message TEXT NOT NULL,
        tag TEXT,
        created_at BIGINT NOT NULL
    )
    """,
    "CREATE INDEX change_messages_change ON change_messages (change_number, created_at)",
    """
    CREATE TABLE change_reviewers (
        change_number BIGINT NOT NULL REFERENCES changes(number),
        account_id BIGINT NOT NULL REFERENCES accounts(id),
        state TEXT NOT NULL,
        PRIMARY KEY (change_number, account_id)
    )
    """,
]
