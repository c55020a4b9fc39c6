import Foundation
import Logging
package import GatehouseCore
import GatehouseGit
import GatehouseStore

/// Creates a project (administrators only): its row, its bare repository, and its `{project}-core` group.
///
/// The repository is created first and removed again if the database refuses the project, so a failed
/// creation leaves nothing behind; a repository directory without a row (after a crash) is replaced.
package struct CreateProject: Sendable {
    package var name: ProjectName
    package var description: String?
    package var isPrivate: Bool
    package var createEmptyCommit: Bool
    package var headBranch: BranchName
    package var initialCommitMessage = "Initial empty repository\n"

    package init(name: ProjectName, description: String? = nil, isPrivate: Bool = false, createEmptyCommit: Bool = false, headBranch: BranchName) {
        self.name = name
        self.description = description
        self.isPrivate = isPrivate
        self.createEmptyCommit = createEmptyCommit
        self.headBranch = headBranch
    }

    /// - Parameters:
    ///   - user: nil only for Gatehouse's own bootstrap (the demo project).
    ///   - initialFiles: files of the first commit (the demo's README); implies a first commit.
    package func run(by user: CurrentUser?, in context: ReviewContext, initialFiles: [String: [UInt8]] = [:]) async throws -> Project {
        if let user { try user.requireAdministrator() }
        if try await context.store.read({ [name] in try await $0.project(named: name) }) != nil {
            throw ReviewError.conflict("Project Already Exists")
        }
        let path = context.repository(for: name).path
        try? FileManager.default.removeItem(atPath: path)
        let repository = try await BareRepository.create(at: path, headBranch: headBranch, git: context.git)
        let now = context.clock()
        if createEmptyCommit || !initialFiles.isEmpty {
            let identity = GitIdentity(
                name: user?.account?.fullName ?? user?.account?.username ?? "Gatehouse",
                email: user?.account?.email ?? "gatehouse@localhost", time: now
            )
            let commit = try await repository.commit(files: initialFiles, message: initialCommitMessage, parent: nil, identity: identity)
            try await repository.update([RefUpdate(name: headBranch.refName, new: commit, expectedOld: .zero)], message: "project created")
        }
        let project = Project(name: name, description: description, isPrivate: isPrivate, headBranch: headBranch, createdAt: now)
        do {
            try await context.store.write { [name] tx in
                try await tx.insertProject(project)
                let coreGroup = Group.coreGroupName(of: name)
                if try await tx.group(named: coreGroup) == nil {
                    _ = try await tx.insertGroup(name: coreGroup, description: "Core reviewers of \(name.rawValue)", now: now)
                }
            }
        } catch {
            try? FileManager.default.removeItem(atPath: path)
            if case StoreError.conflict = error { throw ReviewError.conflict("Project Already Exists") }
            throw error
        }
        context.logger.info("created project \(name.rawValue)")
        return project
    }
}
