import GatehouseCore
import Testing

@Suite struct SubmitRulesTests {
    @Test("Requires one Code-Review approval unless told otherwise")
    func defaultRules() throws {
        #expect(SubmitRules().requiredCodeReviewApprovals == 1)
        try SubmitRules().validate()
    }

    @Test("Accepts 1 to 10 required approvals", arguments: 1...10)
    func acceptsCounts(count: Int) throws {
        try SubmitRules(requiredCodeReviewApprovals: count).validate()
    }

    @Test("Rejects other counts", arguments: [0, -1, 11, 1_000])
    func rejectsCounts(count: Int) {
        #expect(throws: ValidationError("required Code-Review approvals must be between 1 and 10, not \(count)")) {
            try SubmitRules(requiredCodeReviewApprovals: count).validate()
        }
    }
}
