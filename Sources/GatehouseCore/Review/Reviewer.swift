/// Someone asked to look at a change (`r=` on push) or to be kept informed (`cc=`).
package struct Reviewer: Hashable, Sendable {
    package enum State: String, Hashable, Sendable {
        case reviewer = "REVIEWER"
        case cc = "CC"
    }

    package let accountID: Account.ID
    package let state: State

    package init(accountID: Account.ID, state: State) {
        self.accountID = accountID
        self.state = state
    }
}
