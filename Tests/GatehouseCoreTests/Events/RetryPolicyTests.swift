import GatehouseCore
import Testing

@Suite struct RetryPolicyTests {
    @Test("Backoff doubles from the initial delay and stops growing at the maximum")
    func backoffDoubles() {
        let policy = RetryPolicy(initialDelay: .seconds(1), maximumDelay: .seconds(60), giveUpAfter: .seconds(86_400))
        let delays = (1...9).map { policy.delay(afterAttempts: $0) }
        #expect(delays == [1, 2, 4, 8, 16, 32, 60, 60, 60].map { Duration.seconds($0) })
        // Far beyond any real count, no overflow.
        #expect(policy.delay(afterAttempts: 10_000) == .seconds(60))
    }

    @Test("No attempt is scheduled past the give-up time, counted from the event")
    func givesUp() {
        let policy = RetryPolicy(initialDelay: .seconds(10), maximumDelay: .seconds(3600), giveUpAfter: .seconds(100))
        let created = Timestamp(secondsSinceEpoch: 1_000)
        #expect(policy.nextAttempt(afterAttempts: 1, failedAt: created, createdAt: created) == Timestamp(secondsSinceEpoch: 1_010))
        #expect(policy.nextAttempt(afterAttempts: 3, failedAt: Timestamp(secondsSinceEpoch: 1_050), createdAt: created)
            == Timestamp(secondsSinceEpoch: 1_090))
        #expect(policy.nextAttempt(afterAttempts: 4, failedAt: Timestamp(secondsSinceEpoch: 1_090), createdAt: created) == nil)
    }

    @Test("The default gives up after a day")
    func defaultDay() {
        let created = Timestamp(secondsSinceEpoch: 0)
        let policy = RetryPolicy()
        // Hourly by then: the attempt at 23 h 50 min would be the first past 24 h.
        #expect(policy.nextAttempt(afterAttempts: 30, failedAt: Timestamp(secondsSinceEpoch: 85_800), createdAt: created) == nil)
        #expect(policy.nextAttempt(afterAttempts: 30, failedAt: Timestamp(secondsSinceEpoch: 82_800), createdAt: created)
            == Timestamp(secondsSinceEpoch: 86_400))
    }

    @Test("A webhook with no event filter wants every event, one with a filter only those")
    func webhookFilter() {
        let all = Webhook(id: 1, project: try! ProjectName("proj"), url: "http://x", secret: "s", eventTypes: [], createdBy: 1, createdAt: .init(secondsSinceEpoch: 0))
        let merged = Webhook(
            id: 2, project: try! ProjectName("proj"), url: "http://x", secret: "s", eventTypes: [.changeMerged], createdBy: 1,
            createdAt: .init(secondsSinceEpoch: 0))
        #expect(EventType.allCases.allSatisfy(all.wants))
        #expect(merged.wants(.changeMerged))
        #expect(!merged.wants(.commentAdded))
    }
}
