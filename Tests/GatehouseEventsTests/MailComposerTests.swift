import GatehouseAPIModels
import GatehouseCore
import GatehouseEvents
import Testing

@Suite struct MailComposerTests {
    private let composer = MailComposer(sender: try! MailAddress(parsing: "gatehouse@example.com"), baseURL: "https://review.example.org")
    private let alice = AccountAttribute(name: "Alice", email: "alice@example.com", username: "alice")
    private let bob = AccountAttribute(name: "Bob", email: "bob@example.com", username: "bob")
    private let now = Timestamp(secondsSinceEpoch: 1_796_583_600)

    private func event(_ type: EventType, patchSet: Int = 1) -> StreamEvent {
        var event = StreamEvent(type: type.rawValue, eventCreatedOn: now.secondsSinceEpoch)
        event.change = ChangeAttribute(
            project: "demo", branch: "main", topic: nil, id: "I0123456789abcdef0123456789abcdef01234567", number: 7, subject: "Say hello",
            owner: alice, url: "https://review.example.org/c/demo/+/7", commitMessage: "Say hello\n\nChange-Id: I0123\n", hashtags: nil,
            createdOn: 0, status: "NEW", wip: nil)
        event.patchSet = PatchSetAttribute(
            number: patchSet, revision: String(repeating: "a", count: 40), parents: [], ref: "refs/changes/07/7/\(patchSet)", uploader: alice,
            createdOn: 0, kind: "REWORK")
        if type == .patchSetCreated { event.uploader = alice }
        return event
    }

    @Test("which events make mail")
    func kinds() {
        #expect(MailComposer.kind(of: event(.patchSetCreated)) == .newChange)
        #expect(MailComposer.kind(of: event(.patchSetCreated, patchSet: 2)) == .newPatchSet)
        #expect(MailComposer.kind(of: event(.commentAdded)) == .comment)
        #expect(MailComposer.kind(of: event(.changeMerged)) == .merged)
        #expect(MailComposer.kind(of: event(.changeAbandoned)) == .abandoned)
        #expect(MailComposer.kind(of: event(.changeRestored)) == .restored)
        for quiet in [EventType.buildStarted, .buildCompleted, .gateEnqueued, .gateDequeued, .topicChanged, .refUpdated, .reviewerAdded] {
            #expect(MailComposer.kind(of: event(quiet)) == nil, "\(quiet)")
        }
    }

    @Test("a review reads like Gerrit's: who, the link, the message, inline comments by file, the footers")
    func review() throws {
        var review = event(.commentAdded)
        review.author = bob
        review.comment = "Patch Set 1: Code-Review-1\n\nNearly."
        let comments = [
            Comment(id: "c2", change: 7, patchSet: 1, path: "b.txt", side: .revision, line: 9, range: nil, inReplyTo: nil, message: "Typo.",
                isUnresolved: true, authorID: 2, tag: nil, changeMessageID: nil, createdAt: now),
            Comment(id: "c1", change: 7, patchSet: 1, path: "a.txt", side: .parent, line: 3, range: nil, inReplyTo: nil, message: "Why?\nReally?",
                isUnresolved: true, authorID: 2, tag: nil, changeMessageID: nil, createdAt: now),
        ]
        let to = [try MailAddress(name: "Alice", address: "alice@example.com")]
        let mail = try #require(composer.compose(review, seq: 42, kind: .comment, to: to, comments: comments, date: now))
        #expect(mail.from == (try MailAddress(name: "Bob (Gatehouse)", address: "gatehouse@example.com")))
        #expect(mail.subject == "Change in demo[main]: Say hello")
        #expect(mail.messageID == "gatehouse.change-7.event-42@example.com")
        #expect(mail.threadID == "gatehouse.change-7.I0123456789abcdef0123456789abcdef01234567@example.com")
        #expect(mail.body.hasPrefix("Bob has posted comments on this change.\n\n  https://review.example.org/c/demo/+/7\n\nChange subject: Say hello\n"))
        #expect(mail.body.contains("Patch Set 1: Code-Review-1\n\nNearly.\n\nFile a.txt:\n\nPS1, Line 3 (base):\n  Why?\n  Really?\n\nFile b.txt:\n\nPS1, Line 9:\n  Typo.\n"))
        #expect(mail.body.contains("\n-- \nTo view, visit https://review.example.org/c/demo/+/7\n"))
        #expect(mail.body.contains("https://review.example.org/a/accounts/self/preferences"))
        #expect(mail.body.hasSuffix("Gerrit-MessageType: comment\nGerrit-Project: demo\nGerrit-Branch: main\n"
            + "Gerrit-Change-Id: I0123456789abcdef0123456789abcdef01234567\nGerrit-Change-Number: 7\nGerrit-PatchSet: 1\n"
            + "Gerrit-Owner: Alice <alice@example.com>\n"))
    }

    @Test("a merge names the landed commit; a new change starts the thread with the commit message")
    func mergeAndNewChange() throws {
        var merged = event(.changeMerged)
        merged.submitter = AccountAttribute(name: "Gatehouse CI", email: nil, username: "gatehouse-ci")
        merged.newRev = String(repeating: "b", count: 40)
        let to = [try MailAddress(address: "alice@example.com")]
        let mail = try #require(composer.compose(merged, seq: 50, kind: .merged, to: to, date: now))
        #expect(mail.body.hasPrefix("Gatehouse CI has merged this change."))
        #expect(mail.body.contains("Merged into main as \(String(repeating: "b", count: 40)), the commit its jobs tested."))

        let created = try #require(composer.compose(event(.patchSetCreated), seq: 1, kind: .newChange, to: to, date: now))
        #expect(created.messageID == created.threadID)
        #expect(created.body.contains("Alice has uploaded this change for review."))
        #expect(created.body.contains("Say hello\n\nChange-Id: I0123\n"))
    }
}
