/// The schema, as an ordered list of migrations. Migration N is applied once, in its own transaction, and
/// never edited after it ships: a change to the schema is a new entry at the end.
///
/// The SQL is the common subset of SQLite and PostgreSQL: BIGINT, TEXT, and BIGINT 0/1 for flags. Ids are
/// allocated from the `counters` table rather than by auto-increment, whose syntax differs between the two.
/// The exceptions, listed in `sqliteOnly`, change only how SQLite lays a table out.
enum Migrations {
    static let all: [[String]] = [
        migration0001Initial, migration0002Approvals, migration0003QueryOrder, migration0004Pipelines, migration0005Events, migration0006Mail, migration0007WebSessions, migration0008Drafts,
        migration0009ClusteredChildren,
    ]

    /// Migrations that change only how SQLite stores the tables; PostgreSQL records them as applied and runs nothing.
    static let sqliteOnly: Set<Int> = [9]
}
