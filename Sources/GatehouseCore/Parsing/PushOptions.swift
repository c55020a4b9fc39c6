/// What an uploader asked for alongside a push to `refs/for/<branch>`: `%topic=x,r=alice` in the ref name, or
/// `git push -o topic=x`.
///
/// Reviewers and CCs are kept as typed (a username or an email); resolving them to accounts needs the store,
/// which the core module does not know about.
package struct PushOptions: Equatable, Sendable {
    /// `topic=`.
    package var topic: String?
    /// `t=` / `hashtag=`, in order, without a leading `#` and without duplicates.
    package var hashtags: [String]
    /// `r=`, in order, without duplicates.
    package var reviewers: [String]
    /// `cc=`, in order, without duplicates.
    package var ccs: [String]
    /// `m=` / `message=`: the text of the change message for the new patch set.
    package var message: String?
    /// `true` for `wip`, `false` for `ready`, nil when the push did not say.
    package var workInProgress: Bool?
    /// `notify=`: one of `NONE`, `OWNER`, `OWNER_REVIEWERS`, `ALL` (uppercased).
    package var notify: String?

    package init() {
        hashtags = []
        reviewers = []
        ccs = []
    }

    /// The values `notify=` accepts, as Gerrit spells them.
    package static let notifyValues = ["NONE", "OWNER", "OWNER_REVIEWERS", "ALL"]
}
