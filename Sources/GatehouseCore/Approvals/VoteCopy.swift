/// Which votes survive a new patch set.
///
/// An approval is given for specific code, so by default a new patch set starts with no votes. Labels opt in
/// to copying for kinds of patch set that cannot have invalidated a vote (`copyOn`, e.g. a trivial rebase
/// keeps Code-Review), and a sticky minimum keeps a veto until its author withdraws it.
package enum VoteCopy {
    /// The votes of the previous patch set that carry over to `newPatchSet` of kind `kind`.
    ///
    /// All votes of a label whose `copyOn` contains `kind`; otherwise only votes equal to the label's minimum
    /// when it has `stickyMinimum`. Zero votes are never copied (0 is no vote), and votes of labels not in
    /// `labels` or outside their label's current range (after an admin narrowed it) are dropped.
    /// Copied votes keep account, label, value, date and tag, in input order, with `patchSet = newPatchSet`.
    package static func carriedOver(
        _ votes: [Vote], to newPatchSet: Int, kind: PatchSetKind, labels: [LabelDefinition]
    ) -> [Vote] {
        let byName = Dictionary(labels.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        return votes.compactMap { vote in
            guard vote.value != 0, let label = byName[vote.label], label.range.contains(vote.value) else {
                return nil
            }
            let copied = label.copyOn.contains(kind) || (label.stickyMinimum && vote.value == label.min)
            guard copied else { return nil }
            var carried = vote
            carried.patchSet = newPatchSet
            return carried
        }
    }
}
