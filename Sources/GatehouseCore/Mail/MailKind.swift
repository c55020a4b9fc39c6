/// What happened to a change, as far as deciding who hears about it by mail goes.
package enum MailKind: String, Hashable, Sendable {
    /// Patch set 1: the reviewers and cc named on the push are asked to look.
    case newChange = "newchange"
    /// A later patch set: everyone already involved sees the new version.
    case newPatchSet = "newpatchset"
    /// A review: a message, votes, inline comments (from a person or from the gate's account).
    case comment
    case merged
    case abandoned
    case restored
}
