package import GatehouseAPIModels

/// `/c/<project>/+/<number>[/<patchset>]`: everything a reviewer needs on one page.
package enum ChangePage {
    /// One file of the patch set, with its diff, or the reason its diff is not shown.
    package struct File: Sendable {
        package let path: String
        package let info: FileInfo
        package let diff: DiffInfo?
        /// Why there is no diff (binary, too large); shown instead of it.
        package let placeholder: String?

        package init(path: String, info: FileInfo, diff: DiffInfo?, placeholder: String?) {
            self.path = path
            self.info = info
            self.diff = diff
            self.placeholder = placeholder
        }
    }

    /// Where the change stands in the gate, in a sentence.
    package struct GateSummary: Sendable {
        package let enqueued: Bool
        package let text: String

        package init(enqueued: Bool, text: String) {
            self.enqueued = enqueued
            self.text = text
        }
    }

    /// A line the viewer asked to comment on (the inline-comment form is open there).
    package struct CommentTarget: Sendable, Hashable {
        package let path: String
        package let line: Int
        package let parentSide: Bool

        package init(path: String, line: Int, parentSide: Bool) {
            self.path = path
            self.line = line
            self.parentSide = parentSide
        }
    }

    package struct Model: Sendable {
        /// With DETAILED_LABELS, ALL_REVISIONS, ALL_COMMITS, MESSAGES and SUBMIT_REQUIREMENTS.
        package let change: ChangeInfo
        package let patchSet: Int
        package let base: Int?
        package let sideBySide: Bool
        package let files: [File]
        /// The inline comments of the shown patch set (both sides).
        package let comments: [CommentInfo]
        /// The viewer's unpublished drafts on the shown patch set; the next review publishes them.
        package let drafts: [CommentInfo]
        package let builds: [BuildInfo]
        package let gate: GateSummary?
        package let commentTarget: CommentTarget?
        package let viewer: Viewer?

        package init(
            change: ChangeInfo, patchSet: Int, base: Int?, sideBySide: Bool, files: [File], comments: [CommentInfo], drafts: [CommentInfo] = [],
            builds: [BuildInfo], gate: GateSummary?, commentTarget: CommentTarget?, viewer: Viewer?
        ) {
            self.drafts = drafts
            self.change = change
            self.patchSet = patchSet
            self.base = base
            self.sideBySide = sideBySide
            self.files = files
            self.comments = comments
            self.builds = builds
            self.gate = gate
            self.commentTarget = commentTarget
            self.viewer = viewer
        }

        /// The shown patch set's revision (commit SHA and RevisionInfo).
        var revision: (sha: String, info: RevisionInfo)? {
            change.revisions?.first { $0.value.number == patchSet }.map { ($0.key, $0.value) }
        }

        var patchSetCount: Int { change.revisions?.values.map(\.number).max() ?? patchSet }
        var isOpen: Bool { change.status == "NEW" }
        var url: SiteURL { .change(project: change.project, number: change.number, patchSet: patchSet, base: base) }
    }
}
