import GatehouseCore
import GatehouseStore
import GatehouseTesting
import SQLKit
import Testing

/// One contract, both backends: every test runs on SQLite and on PostgreSQL.
@Suite struct StoreContractTests {
    let now = Timestamp(secondsSinceEpoch: 1_700_000_000)

    private func change(_ number: Int, project: ProjectName, key: String, owner: Account.ID, status: ChangeStatus = .new, updated: Int64) -> Change {
        Change(
            number: number, project: project, branch: try! BranchName("main"), key: ChangeKey(key)!, ownerID: owner,
            subject: "change \(number)", status: status, topic: number.isMultiple(of: 2) ? "even" : nil, hashtags: ["tag\(number % 3)"],
            isWorkInProgress: false, currentPatchSet: 1, createdAt: now, updatedAt: Timestamp(secondsSinceEpoch: updated)
        )
    }

    @Test("migrating twice changes nothing", arguments: TestBackend.available)
    func migrateIsIdempotent(backend: TestBackend) async throws {
        try await TestDatabase.withStore(backend) { store in
            try await store.migrate()
            let versions = try await store.read { tx in
                try await tx.sql.raw("SELECT COUNT(*) AS n FROM schema_migrations").first()?.decode(column: "n", as: Int.self)
            }
            #expect(versions == Store.schemaVersion)
            #expect(Store.schemaVersion >= 2)
        }
    }

    @Test("the upgrade that stores a change's rows together keeps every row, its order and its uniqueness", arguments: TestBackend.available)
    func clusteredChildrenUpgrade(backend: TestBackend) async throws {
        try await TestDatabase.withStore(backend, schemaVersion: 8) { store in
            let project = try ProjectName("app")
            let message: @Sendable (String, Int64) -> ChangeMessage = { id, seconds in
                ChangeMessage(id: id, change: 1, authorID: nil, patchSet: 1, message: "message \(id)", tag: nil, createdAt: Timestamp(secondsSinceEpoch: seconds))
            }
            let alice = try await store.write { [now] tx in
                let alice = try await tx.insertAccount(username: "alice", fullName: nil, email: nil, now: now)
                try await tx.insertProject(Project(name: project, description: nil, isPrivate: false, headBranch: try BranchName("main"), createdAt: now))
                for number in 1...2 {
                    var change = change(number, project: project, key: "I" + String(repeating: String(number), count: 40), owner: alice.id, updated: 1_700_000_000)
                    change.hashtags = ["b\(number)", "a\(number)"]
                    try await tx.insertChange(change)
                    try await tx.insertPatchSet(PatchSet(id: PatchSetID(change: number, patchSet: 1), commit: CommitID(String(repeating: "a", count: 40))!, parents: [], uploaderID: alice.id, createdAt: now))
                }
                // Inserted out of order: the page shows them by time.
                try await tx.insertMessage(message("m-late", 1_700_000_300))
                try await tx.insertMessage(message("m-early", 1_700_000_100))
                try await tx.setVote(Vote(accountID: alice.id, label: "Code-Review", value: 1, patchSet: 1, date: now, tag: "t"), change: 1)
                try await tx.addReviewer(Reviewer(accountID: alice.id, state: .cc), to: 2)
                return alice
            }
            try await store.migrate()
            try await store.read { [now] tx in
                #expect(try await tx.change(number: 1)?.hashtags == ["a1", "b1"])
                #expect(try await tx.messages(of: 1).map(\.id) == ["m-early", "m-late"])
                #expect(try await tx.patchSets(ofChanges: [1, 2]).mapValues { $0.map(\.id.patchSet) } == [1: [1], 2: [1]])
                let votes = try await tx.currentVotes(of: [try #require(try await tx.change(number: 1))])
                #expect(votes == [1: [Vote(accountID: alice.id, label: "Code-Review", value: 1, patchSet: 1, date: now, tag: "t")]])
                #expect(try await tx.reviewers(of: 2) == [Reviewer(accountID: alice.id, state: .cc)])
            }
            // A message id stays unique, now through an index of its own.
            await #expect(throws: StoreError.self) { try await store.write { tx in try await tx.insertMessage(message("m-late", 1_700_000_400)) } }
            if backend == .sqlite {
                let definitions = try await store.read { tx in
                    try await tx.sql.raw("""
                        SELECT sql FROM sqlite_master WHERE type = 'table'
                        AND name IN ('votes', 'change_reviewers', 'change_messages', 'change_hashtags', 'patch_sets')
                        """).all().map { try $0.decode(column: "sql", as: String.self) }
                }
                #expect(definitions.count == 5)
                #expect(definitions.allSatisfy { $0.hasSuffix("WITHOUT ROWID") })
            }
        }
    }

    @Test("concurrent transactions never get the same number", arguments: TestBackend.available)
    func countersAreUnique(backend: TestBackend) async throws {
        try await TestDatabase.withStore(backend) { store in
            let numbers = try await withThrowingTaskGroup(of: Int.self) { group in
                for _ in 0..<40 { group.addTask { try await store.write { try await $0.nextNumber("change") } } }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(Set(numbers) == Set(1...40))
        }
    }

    @Test("a transaction that throws leaves nothing behind", arguments: TestBackend.available)
    func rollback(backend: TestBackend) async throws {
        struct Boom: Error {}
        try await TestDatabase.withStore(backend) { [now] store in
            await #expect(throws: Boom.self) {
                try await store.write { tx in
                    _ = try await tx.insertAccount(username: "ghost", fullName: nil, email: nil, now: now)
                    throw Boom()
                }
            }
            #expect(try await store.read { try await $0.account(username: "ghost") } == nil)
            // The number the rolled-back transaction took is handed out again.
            let account = try await store.write { try await $0.insertAccount(username: "real", fullName: nil, email: nil, now: now) }
            #expect(account.id == 1_000_000)
        }
    }

    @Test("a duplicate username is a conflict, whatever the backend", arguments: TestBackend.available)
    func uniqueConflict(backend: TestBackend) async throws {
        try await TestDatabase.withStore(backend) { [now] store in
            _ = try await store.write { try await $0.insertAccount(username: "alice", fullName: "Alice", email: "a@example.com", now: now) }
            await #expect(throws: StoreError.self) {
                try await store.write { try await $0.insertAccount(username: "alice", fullName: nil, email: nil, now: now) }
            }
        }
    }

    @Test("accounts, groups and projects round-trip", arguments: TestBackend.available)
    func entities(backend: TestBackend) async throws {
        try await TestDatabase.withStore(backend) { [now] store in
            let (alice, group) = try await store.write { tx in
                let alice = try await tx.insertAccount(username: "alice", fullName: "Alice A", email: "alice@example.com", now: now)
                let group = try await tx.insertGroup(name: "demo-core", description: nil, now: now)
                #expect(try await tx.addMember(alice.id, to: group.id))
                #expect(try await !tx.addMember(alice.id, to: group.id))
                try await tx.insertProject(Project(name: try ProjectName("team/app"), description: "d", isPrivate: true, headBranch: try BranchName("main"), createdAt: now))
                return (alice, group)
            }
            try await store.read { tx in
                #expect(try await tx.account(identifiedBy: "\(alice.id)") == alice)
                #expect(try await tx.account(identifiedBy: "alice@example.com") == alice)
                #expect(try await tx.groupNames(of: alice.id) == ["demo-core"])
                #expect(try await tx.members(of: group.id) == [alice])
                let project = try await tx.project(named: try ProjectName("team/app"))
                #expect(project?.isPrivate == true)
                #expect(try await tx.projects(includePrivate: false).isEmpty)
            }
        }
    }

    @Test("a page of changes counts changes, not hashtags, and each change comes with all its hashtags, sorted", arguments: TestBackend.available)
    func hashtagsOnPages(backend: TestBackend) async throws {
        try await TestDatabase.withStore(backend) { store in
            let project = try ProjectName("app")
            let tags: [Int: [String]] = [1: ["zeta", "alpha", "mid"], 2: [], 3: ["one"]]
            try await store.write { [now] tx in
                let owner = try await tx.insertAccount(username: "alice", fullName: nil, email: nil, now: now)
                try await tx.insertProject(Project(name: project, description: nil, isPrivate: false, headBranch: try BranchName("main"), createdAt: now))
                for number in 1...3 {
                    var change = change(number, project: project, key: "I" + String(repeating: String(number), count: 40), owner: owner.id, updated: 1_700_000_000 + Int64(number))
                    change.hashtags = tags[number]!
                    try await tx.insertChange(change)
                }
            }
            func page(limit: Int, start: Int) async throws -> ([Int], [[String]], Bool) {
                let page = try await store.read { tx in
                    try await tx.changes(matching: try ChangeQuery.parse("project:app"), viewer: QueryViewer(accountID: nil, now: now), limit: limit, start: start)
                }
                return (page.changes.map(\.number), page.changes.map(\.hashtags), page.hasMore)
            }
            #expect(try await page(limit: 2, start: 0) == ([3, 2], [["one"], []], true))
            #expect(try await page(limit: 2, start: 2) == ([1], [["alpha", "mid", "zeta"]], false))
            let single = try await store.read { tx in try await tx.change(number: 1) }
            #expect(single?.hashtags == ["alpha", "mid", "zeta"])
            #expect(try await store.read { tx in try await tx.change(number: 4) } == nil)
        }
    }

    @Test("change queries filter, negate, combine and page in the database", arguments: TestBackend.available)
    func changeQueries(backend: TestBackend) async throws {
        try await TestDatabase.withStore(backend) { store in
            let project = try ProjectName("app")
            let other = try ProjectName("lib")
            let keys = (1...6).map { "I" + String(repeating: String($0), count: 40) }
            let (alice, bob) = try await store.write { [now] tx in
                let alice = try await tx.insertAccount(username: "alice", fullName: nil, email: "alice@example.com", now: now)
                let bob = try await tx.insertAccount(username: "bob", fullName: nil, email: nil, now: now)
                return (alice, bob)
            }
            try await store.write { [now] tx in
                for name in [project, other] {
                    let project = Project(name: name, description: nil, isPrivate: name == other, headBranch: try BranchName("main"), createdAt: now)
                    try await tx.insertProject(project)
                }
            }
            for n in 1...6 {
                let owner = n.isMultiple(of: 2) ? bob.id : alice.id
                let status: ChangeStatus = n == 3 ? .merged : .new
                let change = change(n, project: n <= 4 ? project : other, key: keys[n - 1], owner: owner, status: status, updated: 1_700_000_000 + Int64(n))
                let commit = CommitID(String(repeating: Array("abcdef")[n - 1], count: 40))!
                let patchSet = PatchSet(id: PatchSetID(change: n, patchSet: 1), commit: commit, parents: [], uploaderID: alice.id, createdAt: now)
                try await store.write { tx in
                    try await tx.insertChange(change)
                    try await tx.insertPatchSet(patchSet)
                }
            }
            func numbers(_ text: String, viewer: Account.ID? = nil, limit: Int = 100, start: Int = 0) async throws -> ([Int], Bool) {
                let query = try ChangeQuery.parse(text)
                let page = try await store.read { try await $0.changes(matching: query, viewer: QueryViewer(accountID: viewer, now: Timestamp(secondsSinceEpoch: 1_700_000_100)), limit: limit, start: start) }
                return (page.changes.map(\.number), page.hasMore)
            }
            #expect(try await numbers("status:open").0 == [4, 2, 1])
            #expect(try await numbers("status:open", viewer: alice.id).0 == [6, 5, 4, 2, 1])
            #expect(try await numbers("project:app -status:merged").0 == [4, 2, 1])
            #expect(try await numbers("owner:bob OR status:merged", viewer: alice.id).0 == [6, 4, 3, 2])
            #expect(try await numbers("owner:self", viewer: bob.id).0 == [6, 4, 2])
            #expect(try await numbers("topic:even hashtag:tag1", viewer: alice.id).0 == [4])
            #expect(try await numbers("3").0 == [3])
            #expect(try await numbers(String(keys[1].prefix(10))).0 == [2])
            #expect(try await numbers("commit:cccccccc").0 == [3])
            #expect(try await numbers("projects:ap").0 == [4, 3, 2, 1])
            #expect(try await numbers("project:app", limit: 2) == ([4, 3], true))
            #expect(try await numbers("project:app", limit: 2, start: 2) == ([2, 1], false))
            #expect(try await numbers("project:app limit:1") == ([4], true))
            await #expect(throws: ChangeQueryError.self) { try await numbers("owner:self") }
            // votes, reviewers and age (changes were updated at 1_700_000_001…6; "now" is 1_700_000_100)
            try await store.write { [now] tx in
                try await tx.setVote(Vote(accountID: bob.id, label: "Code-Review", value: 2, patchSet: 1, date: now, tag: nil), change: 1)
                try await tx.setVote(Vote(accountID: bob.id, label: "Code-Review", value: -1, patchSet: 1, date: now, tag: nil), change: 2)
                try await tx.addReviewer(Reviewer(accountID: bob.id, state: .reviewer), to: 4)
            }
            #expect(try await numbers("label:Code-Review=+2").0 == [1])
            #expect(try await numbers("label:Code-Review>=-1").0 == [2, 1])
            #expect(try await numbers("label:Code-Review-1").0 == [2])
            #expect(try await numbers("project:app label:Code-Review=0").0 == [4, 3])
            #expect(try await numbers("reviewer:bob").0 == [4])
            #expect(try await numbers("is:reviewer", viewer: bob.id).0 == [4])
            #expect(try await numbers("age:97s").0 == [3, 2, 1])
            #expect(try await numbers("-age:97s project:app").0 == [4])
            #expect(try await numbers("is:starred OR conflicts:1").0 == [])
        }
    }

    @Test("is:submittable finds exactly the changes whose submit requirements a change page shows as met", arguments: TestBackend.available)
    func submittableSearch(backend: TestBackend) async throws {
        try await TestDatabase.withStore(backend) { store in
            let (app, two, unverified) = (try ProjectName("app"), try ProjectName("two"), try ProjectName("unverified"))
            // Per change: project, status, work in progress, current patch set, votes as (voter, label, value, patch set).
            typealias Cast = (voter: Int, label: String, value: Int, patchSet: Int)
            let approved: [Cast] = [(0, "Code-Review", 2, 1), (1, "Verified", 1, 1), (0, "Workflow", 1, 1)]
            let cases: [(ProjectName, ChangeStatus, Bool, Int, [Cast])] = [
                (app, .new, false, 1, approved),  // 1: everything met
                (app, .new, false, 1, approved + [(2, "Code-Review", -2, 1)]),  // 2: a veto
                (app, .new, false, 1, Array(approved.prefix(2))),  // 3: not approved (no Workflow +1)
                (app, .new, true, 1, approved),  // 4: work in progress
                (app, .new, false, 2, approved),  // 5: the votes are on an older patch set
                (app, .merged, false, 1, approved),  // 6: no longer open
                (app, .new, false, 1, approved + [(2, "Code-Review", 1, 1), (2, "Verified", 0, 1)]),  // 7: lesser votes do not matter
                (two, .new, false, 1, approved),  // 8: two Code-Review +2 required, one given
                (two, .new, false, 1, approved + [(2, "Code-Review", 2, 1)]),  // 9: both given
                (unverified, .new, false, 1, [(0, "Code-Review", 2, 1), (0, "Workflow", 1, 1)]),  // 10: the project has no Verified label
            ]
            try await store.write { [now] tx in
                var voters: [Account.ID] = []
                for name in ["core", "bot", "other"] { voters.append(try await tx.insertAccount(username: name, fullName: nil, email: nil, now: now).id) }
                for project in [app, two, unverified] {
                    try await tx.insertProject(Project(name: project, description: nil, isPrivate: false, headBranch: try BranchName("main"), createdAt: now))
                }
                try await tx.setSubmitRules(SubmitRules(requiredCodeReviewApprovals: 2), of: two)
                try await tx.setLabels(LabelDefinition.defaults(for: unverified).filter { $0.name != "Verified" }, of: unverified)
                for (index, (project, status, wip, patchSet, casts)) in cases.enumerated() {
                    let number = index + 1
                    var change = change(number, project: project, key: "I" + String(repeating: "0", count: 40 - String(number).count) + String(number), owner: voters[0], status: status, updated: 1_700_000_000 + Int64(number))
                    change.isWorkInProgress = wip
                    change.currentPatchSet = patchSet
                    try await tx.insertChange(change)
                    for cast in casts {
                        try await tx.setVote(Vote(accountID: voters[cast.voter], label: cast.label, value: cast.value, patchSet: cast.patchSet, date: now, tag: nil), change: number)
                    }
                }
            }
            let (found, evaluated) = try await store.read { [now] tx in
                let found = try await tx.changes(matching: try ChangeQuery.parse("is:submittable"), viewer: QueryViewer(accountID: nil, now: now), limit: 100, start: 0)
                let all = try await tx.changes(matching: try ChangeQuery.parse("status:open OR status:merged"), viewer: QueryViewer(accountID: nil, now: now), limit: 100, start: 0).changes
                let votes = try await tx.currentVotes(of: all)
                var evaluated: [Change.Number] = []
                for change in all {
                    let results = SubmitRequirements.evaluate(
                        status: change.status, isWorkInProgress: change.isWorkInProgress, votes: votes[change.number] ?? [],
                        labels: try await tx.labels(of: change.project), rules: try await tx.submitRules(of: change.project), accountNames: [:])
                    if SubmitRequirements.isSubmittable(status: change.status, results: results) { evaluated.append(change.number) }
                }
                return (found.changes.map(\.number), evaluated)
            }
            #expect(found == [10, 9, 7, 1])
            #expect(found == evaluated)
            let rest = try await store.read { [now] tx in
                try await tx.changes(matching: try ChangeQuery.parse("project:app -is:submittable"), viewer: QueryViewer(accountID: nil, now: now), limit: 100, start: 0).changes.map(\.number)
            }
            #expect(rest == [6, 5, 4, 3, 2])
        }
    }

    @Test("PostgreSQL tests are not silently skipped in CI")
    func postgresInCI() {
        if TestBackend.isCI {
            #expect(TestBackend.postgresAdminURL != nil, "CI must run the Store contract on PostgreSQL: use the README's test command")
        }
    }
}
