import GatehouseCore
import Testing

@Suite struct MailAudienceTests {
    // owner 1, reviewer 2, cc 3, voter 4 (who is also reviewer 2's colleague), bystander 5
    private let audience = MailAudience(owner: 1, reviewers: [2], cc: [3], voters: [2, 4])

    @Test("a new change goes to its reviewers and cc only; later news to everyone involved")
    func candidates() {
        #expect(audience.candidates(for: .newChange) == [2, 3])
        for kind in [MailKind.newPatchSet, .comment, .merged, .abandoned, .restored] {
            #expect(audience.candidates(for: kind) == [1, 2, 3, 4], "\(kind)")
        }
    }

    @Test("nobody is mailed about what they did themselves")
    func actorExcluded() {
        #expect(audience.recipients(for: .comment, actor: 2, strategies: [:]) == [1, 3, 4])
        #expect(audience.recipients(for: .newPatchSet, actor: 1, strategies: [:]) == [2, 3, 4])
        #expect(audience.recipients(for: .merged, actor: 99, strategies: [:]) == [1, 2, 3, 4])
    }

    @Test("DISABLED hears nothing, OWN_CHANGES only about their own change, ENABLED or no choice everything")
    func strategies() {
        let strategies: [Int: EmailStrategy] = [1: .ownChanges, 2: .ownChanges, 3: .disabled, 4: .enabled]
        #expect(audience.recipients(for: .comment, actor: nil, strategies: strategies) == [1, 4])
        #expect(audience.recipients(for: .newChange, actor: 1, strategies: strategies) == [])
        #expect(audience.recipients(for: .newChange, actor: 1, strategies: [:]) == [2, 3])
        #expect(EmailStrategy.default == .enabled)
    }
}
