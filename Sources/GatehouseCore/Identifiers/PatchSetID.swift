/// One patch set of one change, written `12,3` by people and stored at `refs/changes/12/12/3` by git.
package struct PatchSetID: Hashable, Sendable, CustomStringConvertible {
    /// The change number.
    package let change: Int
    /// The patch set number within the change, starting at 1.
    package let patchSet: Int

    /// For values we produced ourselves. Text from users goes through `init?(parsing:)` or `init?(refName:)`,
    /// which reject zero and negative numbers instead of asserting.
    package init(change: Int, patchSet: Int) {
        assert(change > 0 && patchSet > 0, "change and patch set numbers start at 1")
        self.change = change
        self.patchSet = patchSet
    }

    /// Parses `12,3`: two positive decimal numbers separated by a comma, nothing else.
    package init?(parsing text: String) {
        let parts = text.split(separator: ",", omittingEmptySubsequences: false)
        guard parts.count == 2, let change = ASCIIText.positiveDecimal(parts[0]),
            let patchSet = ASCIIText.positiveDecimal(parts[1])
        else { return nil }
        self.init(change: change, patchSet: patchSet)
    }

    /// Parses `refs/changes/NN/N/P`, insisting that `NN` matches `N` so that one patch set has one ref.
    package init?(refName: String) {
        let parts = refName.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 5, parts[0] == "refs", parts[1] == "changes",
            let change = ASCIIText.positiveDecimal(parts[3]), let patchSet = ASCIIText.positiveDecimal(parts[4]),
            parts[2] == Self.shard(of: change)
        else { return nil }
        self.init(change: change, patchSet: patchSet)
    }

    package var description: String { "\(change),\(patchSet)" }

    /// `refs/changes/<last two digits of the change, zero-padded>/<change>/<patch set>`, as Gerrit lays them
    /// out, so `git fetch origin refs/changes/65/3965/2` works the same against both servers.
    package var refName: String { "refs/changes/\(Self.shard(of: change))/\(change)/\(patchSet)" }

    private static func shard(of change: Int) -> String {
        let lastTwo = change % 100
        return lastTwo < 10 ? "0\(lastTwo)" : "\(lastTwo)"
    }
}
