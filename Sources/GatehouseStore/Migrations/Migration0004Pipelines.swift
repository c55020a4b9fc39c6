/// The pipelines' durable state: what is queued in `check` and `gate`, every build with the exact commit it
/// tested, and the per-project settings the gate reads (merge strategy, whether jobs may use the network).
///
/// `pipeline_items` holds only live entries, one per pipeline and change. A gate entry is written in the same
/// transaction as the vote that made the change submittable, so an approval can never be lost between the
/// database and the scheduler's memory; `merging_commit` is the scheduler's write-ahead note that it is about
/// to move the branch to that commit, so a restart can tell a landed merge from one that never happened.
let migration0004Pipelines: [String] = [
    "INSERT INTO counters (name, value) VALUES ('pipeline_item', 0), ('build', 0)",
    """
    CREATE TABLE pipeline_items (
        id BIGINT PRIMARY KEY,
        pipeline TEXT NOT NULL,
        project TEXT NOT NULL REFERENCES projects(name),
        branch TEXT NOT NULL,
        change_number BIGINT NOT NULL REFERENCES changes(number),
        patch_set BIGINT NOT NULL,
        enqueued_at BIGINT NOT NULL,
        merging_commit TEXT,
        UNIQUE (pipeline, change_number)
    )
    """,
    """
    CREATE TABLE builds (
        id BIGINT PRIMARY KEY,
        pipeline TEXT NOT NULL,
        project TEXT NOT NULL,
        change_number BIGINT NOT NULL REFERENCES changes(number),
        patch_set BIGINT NOT NULL,
        job TEXT NOT NULL,
        attempt BIGINT NOT NULL,
        changes TEXT NOT NULL,
        commit_id TEXT,
        result TEXT,
        started_at BIGINT NOT NULL,
        ended_at BIGINT
    )
    """,
    "CREATE INDEX builds_change ON builds (change_number, id)",
    "CREATE INDEX builds_history ON builds (project, job, result, id)",
    "CREATE INDEX builds_running ON builds (result)",
    "CREATE INDEX votes_label ON votes (label, value, change_number)",
    "ALTER TABLE projects ADD COLUMN merge_strategy TEXT NOT NULL DEFAULT 'MERGE_IF_NECESSARY'",
    "ALTER TABLE projects ADD COLUMN allow_network_jobs BIGINT NOT NULL DEFAULT 0",
]
