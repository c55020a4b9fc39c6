import Foundation
import GatehouseCore
import GatehouseStore
import SQLKit

/// A review history big enough that a query has to find its page among many rows: accounts, projects and
/// changes with patch sets, votes, reviewers and messages, written into a freshly bootstrapped database.
///
/// Rows go in through `StoreTransaction.sql` with SQLKit's insert builder, hundreds of rows per INSERT and
/// thousands of changes per transaction. The Store's per-row API would issue close to a million statements
/// for 100,000 changes, which takes minutes; the multi-row form takes seconds and writes the same columns.
/// Values are SQL literals rather than binds (SQLKit quotes them for the dialect): every one is generated
/// here, and literals spare millions of bind encodings.
///
/// Everything is derived from the change number with a seeded generator, so two runs seed the same data.
struct BenchSeeder {
    /// What was written, for the report and for choosing the URLs to load.
    struct Summary {
        var changes = 0
        var openChanges = 0
        var patchSets = 0
        var votes = 0
        var messages = 0
        var accounts = 0
        var firstChange = 0
        var openByProject: [String: Int] = [:]
        /// The project with the most open changes: its `status:open` query has the most rows to page through.
        var busiestProject: String { openByProject.max { $0.value < $1.value || ($0.value == $1.value && $0.key > $1.key) }?.key ?? "demo" }
    }

    let changeCount: Int
    static let accountCount = 300
    /// Projects and their share of changes, out of ten. `demo` is the bootstrap's, with a repository; the others
    /// are rows only, which is enough because the bench calls no endpoint that reads commits.
    static let projects: [(name: String, share: Int)] = [("p1", 4), ("p2", 2), ("p3", 2), ("p4", 1), ("demo", 1)]
    static let changesPerTransaction = 5_000
    static let rowsPerStatement = 500

    /// Seeds through `store`; `now` anchors the timeline (changes span the 400 days before it).
    func run(in store: Store, now: Timestamp) async throws -> Summary {
        var summary = Summary()
        let nowNanos = now.nanosecondsSinceEpoch
        let accounts: [Int] = try await store.write { tx in
            let first = try await tx.sql.raw("SELECT value FROM counters WHERE name = 'account'").first()?.decode(column: "value", as: Int.self) ?? 0
            let ids = Array((first + 1)...(first + Self.accountCount))
            let rows: [[any SQLExpression]] = ids.enumerated().map { index, id in
                let username = index == 0 ? "ci-bot" : "dev\(index)"
                return [Self.int(id), Self.text(username), Self.text("Developer \(index)"), Self.text("\(username)@example.com"), Self.int(1), Self.int(nowNanos)]
            }
            try await Self.insert("accounts", ["id", "username", "full_name", "email", "active", "created_at"], rows, tx)
            try await tx.sql.raw("UPDATE counters SET value = \(bind: first + Self.accountCount) WHERE name = 'account'").run()
            // The bot casts Verified, which the default labels give to Service Users only.
            if let bots = try await tx.group(named: Group.serviceUsers) { _ = try await tx.addMember(ids[0], to: bots.id) }
            for (name, _) in Self.projects where name != "demo" {
                try await tx.sql.raw("""
                    INSERT INTO projects (name, description, private, head_branch, created_at)
                    VALUES (\(bind: name), \(bind: "Bench project \(name)"), 0, 'main', \(bind: nowNanos))
                    """).run()
            }
            return ids
        }
        summary.accounts = accounts.count
        let first = try await store.read { tx in
            try await tx.sql.raw("SELECT value FROM counters WHERE name = 'change'").first()?.decode(column: "value", as: Int.self) ?? 0
        } + 1
        summary.firstChange = first
        var start = 0
        while start < changeCount {
            let range = start..<min(changeCount, start + Self.changesPerTransaction)
            var rows = Rows()
            for index in range {
                rows.add(change: first + index, index: index, of: changeCount, accounts: accounts, now: nowNanos, summary: &summary)
            }
            let batch = rows
            try await store.write { tx in
                try await Self.insert("changes", ["number", "project", "branch", "change_key", "owner_id", "subject", "status", "topic", "wip",
                    "current_patch_set", "created_at", "updated_at"], batch.changes, tx)
                try await Self.insert("patch_sets", ["change_number", "number", "commit_id", "parents", "uploader_id", "created_at", "kind"], batch.patchSets, tx)
                try await Self.insert("votes", ["change_number", "patch_set", "label", "account_id", "value", "tag", "created_at"], batch.votes, tx)
                try await Self.insert("change_reviewers", ["change_number", "account_id", "state"], batch.reviewers, tx)
                try await Self.insert("change_messages", ["id", "change_number", "author_id", "patch_set", "message", "tag", "created_at"], batch.messages, tx)
            }
            start = range.upperBound
        }
        try await store.write { tx in
            try await tx.sql.raw("UPDATE counters SET value = \(bind: first + changeCount - 1) WHERE name = 'change'").run()
        }
        return summary
    }

    /// One multi-row INSERT per `rowsPerStatement` rows.
    private static func insert(_ table: String, _ columns: [String], _ rows: [[any SQLExpression]], _ tx: StoreTransaction) async throws {
        var offset = 0
        while offset < rows.count {
            let chunk = rows[offset..<min(rows.count, offset + rowsPerStatement)]
            try await tx.sql.insert(into: table).columns(columns).rows(chunk).run()
            offset += chunk.count
        }
    }

    static func int(_ value: some BinaryInteger) -> any SQLExpression { SQLLiteral.numeric(String(value)) }

    static func text(_ value: String?) -> any SQLExpression {
        value.map { SQLLiteral.string($0) } ?? SQLLiteral.null
    }

    /// The rows of one transaction's worth of changes.
    private struct Rows: Sendable {
        var changes: [[any SQLExpression]] = []
        var patchSets: [[any SQLExpression]] = []
        var votes: [[any SQLExpression]] = []
        var reviewers: [[any SQLExpression]] = []
        var messages: [[any SQLExpression]] = []

        /// Change `number`, the `index`-th of `total`: ~70% open, 20% merged, 10% abandoned, 1–3 patch sets,
        /// a Code-Review vote, usually a Verified one, Workflow +1 when merged, and two messages.
        mutating func add(change number: Int, index: Int, of total: Int, accounts: [Int], now: Int64, summary: inout Summary) {
            var random = SeedRandom(seed: UInt64(number))
            let day: Int64 = 86_400_000_000_000
            let project = BenchSeeder.project(for: index)
            let roll = random.next(100)
            let status = roll < 70 ? "NEW" : roll < 90 ? "MERGED" : "ABANDONED"
            let owner = accounts[1 + random.next(accounts.count - 1)]
            var reviewer = accounts[1 + random.next(accounts.count - 1)]
            if reviewer == owner { reviewer = accounts[1 + (reviewer - accounts[0]) % (accounts.count - 1)] }
            let bot = accounts[0]
            // Spread over 400 days, each change updated up to 30 days after creation: list order differs from number order.
            let created = now - 431 * day + Int64(index) * (400 * day / Int64(max(total, 1))) + Int64(random.next(3_600)) * 1_000_000_000
            let updated = created + Int64(random.next(30 * 86_400)) * 1_000_000_000
            let patchSetCount = 1 + random.next(3)
            let isOpen = status == "NEW"
            changes.append([
                int(number), text(project), text("main"), text("I" + random.hex()), int(owner),
                text("Bench change \(number): adjust module \(random.next(500)) in \(project)"), text(status),
                text(random.next(8) == 0 ? "topic-\(number / 40)" : nil), int(isOpen && random.next(20) == 0 ? 1 : 0),
                int(patchSetCount), int(created), int(updated),
            ])
            let parent = random.hex()
            for patchSet in 1...patchSetCount {
                let at = created + (updated - created) * Int64(patchSet - 1) / Int64(patchSetCount)
                patchSets.append([int(number), int(patchSet), text(random.hex()), text(parent), int(owner), int(at), text("REWORK")])
            }
            let codeReview = status == "MERGED" ? 2 : status == "ABANDONED" ? -1 : [-1, 1, 1, 2][random.next(4)]
            var cast: [(label: String, account: Int, value: Int)] = [("Code-Review", reviewer, codeReview)]
            if status != "NEW" || random.next(2) == 0 { cast.append(("Verified", bot, status == "ABANDONED" || random.next(10) == 0 ? -1 : 1)) }
            if status == "MERGED" { cast.append(("Workflow", reviewer, 1)) }
            for vote in cast {
                votes.append([int(number), int(patchSetCount), text(vote.label), int(vote.account), int(vote.value), text(nil), int(updated)])
            }
            reviewers.append([int(number), int(reviewer), text("REVIEWER")])
            if cast.contains(where: { $0.account == bot }) { reviewers.append([int(number), int(bot), text("REVIEWER")]) }
            messages.append([text(random.uuid()), int(number), int(owner), int(1), text("Uploaded patch set 1."),
                text("autogenerated:gatehouse:newPatchSet"), int(created)])
            let summaryText = cast.filter { $0.account == reviewer }.map { "\($0.label)\($0.value > 0 ? "+" : "")\($0.value)" }.joined(separator: " ")
            messages.append([text(random.uuid()), int(number), int(reviewer), int(patchSetCount),
                text("Patch Set \(patchSetCount): \(summaryText)\n\nLooks reasonable; see the inline notes."), text(nil), int(updated)])
            summary.changes += 1
            summary.patchSets += patchSetCount
            summary.votes += cast.count
            summary.messages += 2
            if isOpen {
                summary.openChanges += 1
                summary.openByProject[project, default: 0] += 1
            }
        }
    }

    /// The project of the `index`-th change, by the shares in ``projects``.
    static func project(for index: Int) -> String {
        var slot = index % 10
        for (name, share) in projects {
            if slot < share { return name }
            slot -= share
        }
        return projects[0].name
    }
}

/// SplitMix64: a tiny, fast, seedable generator, so the seeded history is the same on every run.
struct SeedRandom {
    private var state: UInt64

    /// The seed is scrambled first: consecutive seeds would otherwise start streams one step apart, and change
    /// n + 1 would repeat change n's ids.
    init(seed: UInt64) { state = Self.mix(seed) }

    mutating func nextWord() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        return Self.mix(state)
    }

    private static func mix(_ value: UInt64) -> UInt64 {
        var z = value
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A value in `0..<bound`.
    mutating func next(_ bound: Int) -> Int { Int(nextWord() % UInt64(bound)) }

    /// Forty lowercase hex digits: a well-formed commit id, or a Change-Id after an `I`.
    mutating func hex(_ digits: Int = 40) -> String {
        let alphabet = Array("0123456789abcdef".utf8)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(digits)
        var word = nextWord()
        for position in 0..<digits {
            if position > 0, position % 16 == 0 { word = nextWord() }
            bytes.append(alphabet[Int(word & 0xF)])
            word >>= 4
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// A lowercase UUID-shaped id, like the ones the server gives change messages.
    mutating func uuid() -> String {
        let digits = Array(hex(32))
        return [0..<8, 8..<12, 12..<16, 16..<20, 20..<32].map { String(digits[$0]) }.joined(separator: "-")
    }
}
