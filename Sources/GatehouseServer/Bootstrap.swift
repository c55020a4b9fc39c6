import Foundation
import GatehouseCore
import GatehouseGate
import GatehouseGit
import GatehouseReview
import GatehouseStore
import Logging

/// What a first start on an empty database creates, and the optional demo project.
///
/// Idempotent: every step checks first, so restarting never duplicates anything, and a crash half-way is
/// finished on the next start.
enum Bootstrap {
    /// What the operator must be told once: the generated admin password.
    struct Outcome {
        var generatedAdminPassword: String?
    }

    static func run(configuration: ServerConfiguration, context: ReviewContext) async throws -> Outcome {
        var outcome = Outcome()
        let now = context.clock()
        try await context.store.write { tx in
            for (name, description) in [
                (Group.administrators, "Administer the server: accounts, groups, projects. Nobody pushes to branches."),
                (Group.serviceUsers, "Bots, such as the gate's own account."),
            ] where try await tx.group(named: name) == nil {
                _ = try await tx.insertGroup(name: name, description: description, now: now)
            }
        }
        let adminExists = try await context.store.read { try await $0.account(username: "admin") != nil }
        if !adminExists {
            let password = configuration.adminPassword ?? PasswordHash.generatePassword()
            _ = try await CreateAccount(username: "admin", fullName: "Administrator", groups: [Group.administrators])
                .run(by: nil, in: context)
            let hash = PasswordHash.make(password, generated: configuration.adminPassword == nil)
            try await context.store.write { tx in
                guard let admin = try await tx.account(username: "admin") else { throw StoreError.notFound("admin") }
                try await tx.setPasswordHash(hash, for: admin.id, now: now)
            }
            if configuration.adminPassword == nil {
                let file = "\(configuration.dataDirectory)/admin-password"
                _ = FileManager.default.createFile(atPath: file, contents: Data((password + "\n").utf8), attributes: [.posixPermissions: 0o600])
                outcome.generatedAdminPassword = password
            }
            context.logger.info("created account admin in group \(Group.administrators)")
        }
        let ciExists = try await context.store.read { try await $0.account(username: GateScheduler.accountName) != nil }
        if !ciExists {
            // The gate's own account: it casts Verified and signs the gate's messages. It has no password, so
            // nobody can act as it over HTTP.
            _ = try await CreateAccount(
                username: GateScheduler.accountName, fullName: "Gatehouse CI", groups: [Group.serviceUsers]
            ).run(by: nil, in: context)
            context.logger.info("created account \(GateScheduler.accountName) in group \(Group.serviceUsers)")
        }
        if configuration.seedDemo {
            try await seedDemo(configuration: configuration, context: context)
        }
        return outcome
    }

    /// A `demo` project with a README and a `.gitreview`, so `git clone` and `git review` work at once.
    private static func seedDemo(configuration: ServerConfiguration, context: ReviewContext) async throws {
        let name = try ProjectName("demo")
        guard try await context.store.read({ try await $0.project(named: name) }) == nil else { return }
        let url = URLComponents(string: context.baseURL)
        let gitreview = """
            [gerrit]
            host=\(url?.host ?? "127.0.0.1")
            port=\(url?.port ?? 80)
            scheme=\(url?.scheme ?? "http")
            project=demo.git
            defaultbranch=main

            """
        let readme = """
            # demo

            A project to try Gatehouse with. Nobody pushes to `main`: propose a change instead.

                git commit -m "Say hello"      # with the commit-msg hook installed
                git push origin HEAD:refs/for/main

            """
        // A check and a gate job, so the demo's changes are tested and merged on their own. `no-fixme` lets a
        // newcomer watch the gate eject a change: add a line with FIXME to any file.
        let jobs = """
            jobs:
              - name: build
                run:
                  - test -f README.md
                  - echo "building $GATEHOUSE_CHANGES"
                timeout: 5m
              - name: no-fixme
                run: "! grep -rn FIXME --exclude-dir=.git --exclude=.gatehouse.yaml ."
                timeout: 5m
            pipelines:
              check: [build, no-fixme]
              gate: [build, no-fixme]

            """
        var create = CreateProject(name: name, description: "A project to try Gatehouse with", headBranch: try BranchName("main"))
        create.initialCommitMessage = "Start the demo project\n"
        _ = try await create.run(by: nil, in: context, initialFiles: [
            "README.md": Array(readme.utf8), ".gitreview": Array(gitreview.utf8), ".gatehouse.yaml": Array(jobs.utf8),
        ])
    }
}
