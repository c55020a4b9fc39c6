/// Indexes that give change searches their order (`updated_at DESC, number DESC`) directly, so a page of 25
/// open changes of a busy project is read in order instead of sorted (found by the API bench).
let migration0003QueryOrder: [String] = [
    "DROP INDEX changes_project_status",
    "DROP INDEX changes_status",
    "CREATE INDEX changes_project_status ON changes (project, status, updated_at, number)",
    "CREATE INDEX changes_status ON changes (status, updated_at, number)",
]
