import Foundation
import GatehouseGit
import GatehouseTesting
import NIOHTTP1
import Testing

/// Who may do what: every actor against every action; only the allowed cells succeed, the others get 401 or
/// 403 with a reason, and a refused action changes nothing.
@Suite(.timeLimit(.minutes(5))) struct AuthorizationTableTests {
    enum Actor: String, CaseIterable, CustomStringConvertible {
        case anonymous, registered, owner, core, service, admin
        var description: String { rawValue }
    }

    /// The expected status of each action per actor.
    struct Expectations {
        let read, pushForReview, codeReviewPlus1, codeReviewPlus2, codeReviewMinus2, verified, workflowPlus1, workflowMinus1: Int
        let abandonRestore, submit, createProject, pushToMain: Int
    }

    static let table: [Actor: Expectations] = [
        //                 read push CR+1 CR+2 CR-2 V+1 W+1 W-1 abandon submit admin main
        .anonymous: .init(read: 200, pushForReview: 401, codeReviewPlus1: 401, codeReviewPlus2: 401, codeReviewMinus2: 401, verified: 401,
            workflowPlus1: 401, workflowMinus1: 401, abandonRestore: 401, submit: 401, createProject: 401, pushToMain: 401),
        .registered: .init(read: 200, pushForReview: 200, codeReviewPlus1: 200, codeReviewPlus2: 403, codeReviewMinus2: 403, verified: 403,
            workflowPlus1: 403, workflowMinus1: 403, abandonRestore: 403, submit: 403, createProject: 403, pushToMain: 403),
        .owner: .init(read: 200, pushForReview: 200, codeReviewPlus1: 200, codeReviewPlus2: 403, codeReviewMinus2: 403, verified: 403,
            workflowPlus1: 403, workflowMinus1: 200, abandonRestore: 200, submit: 409, createProject: 403, pushToMain: 403),
        .core: .init(read: 200, pushForReview: 200, codeReviewPlus1: 200, codeReviewPlus2: 200, codeReviewMinus2: 200, verified: 403,
            workflowPlus1: 200, workflowMinus1: 200, abandonRestore: 200, submit: 409, createProject: 403, pushToMain: 403),
        .service: .init(read: 200, pushForReview: 200, codeReviewPlus1: 200, codeReviewPlus2: 403, codeReviewMinus2: 403, verified: 200,
            workflowPlus1: 403, workflowMinus1: 403, abandonRestore: 403, submit: 403, createProject: 403, pushToMain: 403),
        .admin: .init(read: 200, pushForReview: 200, codeReviewPlus1: 200, codeReviewPlus2: 403, codeReviewMinus2: 403, verified: 403,
            workflowPlus1: 403, workflowMinus1: 403, abandonRestore: 200, submit: 409, createProject: 201, pushToMain: 403),
    ]

    @Test("each actor may do exactly what the table allows", arguments: Actor.allCases)
    func table(actor: Actor) async throws {
        let f = try await ReviewFixture.start()
        let user: (String, String)? =
            switch actor {
            case .anonymous: nil
            case .registered: f.carol
            case .owner: f.alice
            case .core: f.bob
            case .service: f.ci
            case .admin: f.server.admin
            }
        let expected = try #require(Self.table[actor])
        let prefix = user == nil ? "" : "/a"

        func post(_ path: String, _ json: String?) async throws -> Int {
            let response = try await f.server.request(.POST, prefix + path, user: user, json: json)
            return response.status
        }
        func vote(_ label: String, _ value: Int) async throws -> Int {
            let status = try await post("/changes/demo~1/revisions/current/review", #"{"labels":{"\#(label)":\#(value)}}"#)
            if status == 200 { _ = try await post("/changes/demo~1/revisions/current/review", #"{"labels":{"\#(label)":0}}"#) }
            return status
        }

        #expect(try await f.server.request(.GET, prefix + "/changes/demo~1", user: user).status == expected.read)
        #expect(try await vote("Code-Review", 1) == expected.codeReviewPlus1, "Code-Review +1")
        #expect(try await vote("Code-Review", 2) == expected.codeReviewPlus2, "Code-Review +2")
        #expect(try await vote("Code-Review", -2) == expected.codeReviewMinus2, "Code-Review -2")
        #expect(try await vote("Verified", 1) == expected.verified, "Verified +1")
        #expect(try await vote("Workflow", 1) == expected.workflowPlus1, "Workflow +1")
        #expect(try await vote("Workflow", -1) == expected.workflowMinus1, "Workflow -1")
        let abandon = try await post("/changes/demo~1/abandon", nil)
        #expect(abandon == expected.abandonRestore, "abandon")
        if abandon == 200 { #expect(try await post("/changes/demo~1/restore", nil) == 200) }
        #expect(try await post("/changes/demo~1/submit", nil) == expected.submit, "submit")
        #expect(try await f.server.request(.PUT, prefix + "/projects/p-\(actor)", user: user, json: "{}").status == expected.createProject, "create project")

        // git: push for review and push to main
        let url = user.map { f.server.url("demo", user: $0) } ?? f.server.url("demo")
        try await f.work.checked(["reset", "--hard", "origin/main"])
        try await f.work.commit(GitWorkTree.message("By \(actor)"), file: "\(actor).txt")
        let forReview = try await f.work.push(url, "HEAD:refs/for/main")
        #expect(forReview.succeeded == (expected.pushForReview == 200), "push for review: \(forReview.all)")
        let toMain = try await f.work.push(url, "HEAD:refs/heads/main")
        #expect(!toMain.succeeded, "push to main")

        // nothing the refused actions touched has changed: no votes left, still open, main unmoved
        let detail = try await f.detail()
        #expect(detail["status"] as? String == "NEW")
        let labels = detail["labels"] as? [String: [String: Any]] ?? [:]
        #expect(labels.values.allSatisfy { $0["approved"] == nil && $0["rejected"] == nil })
        let main = try await f.work.checked(["ls-remote", f.server.url("demo"), "refs/heads/main"]).text
        let original = try await f.work.checked(["rev-parse", "origin/main"]).text
        #expect(main.hasPrefix(original))
        await f.stop()
    }
}
