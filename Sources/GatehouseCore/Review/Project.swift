/// A git repository under review, with its settings.
///
/// A project is readable by anyone, including anonymous users, unless it was created private; then only
/// registered users see it. Nobody pushes to its branches: they move only through the gate.
package struct Project: Hashable, Sendable {
    package let name: ProjectName
    package var description: String?
    package var isPrivate: Bool
    /// The branch `HEAD` points at; the one `git clone` checks out.
    package var headBranch: BranchName
    package let createdAt: Timestamp

    package init(name: ProjectName, description: String?, isPrivate: Bool, headBranch: BranchName, createdAt: Timestamp) {
        self.name = name
        self.description = description
        self.isPrivate = isPrivate
        self.headBranch = headBranch
        self.createdAt = createdAt
    }
}
