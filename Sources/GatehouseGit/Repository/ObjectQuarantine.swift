import Foundation

/// A private object directory where a push's pack lands until the push is accepted.
///
/// git itself receives this way (`tmp_objdir`): while the pack is checked, git commands run with the
/// quarantine as their object directory and the repository's objects as an alternate, so they see both. A
/// rejected push is removed whole and leaves nothing behind; an accepted one is moved into `objects/pack`
/// before any ref points at it.
package struct ObjectQuarantine: Sendable {
    package let repository: BareRepository
    package let directory: String

    package init(repository: BareRepository) throws {
        self.repository = repository
        self.directory = "\(repository.path)/objects/incoming-\(UUID().uuidString.lowercased())"
        try FileManager.default.createDirectory(atPath: "\(directory)/pack", withIntermediateDirectories: true)
    }

    /// The variables under which git sees the quarantined objects as well as the repository's own.
    package var environment: [String: String] {
        ["GIT_OBJECT_DIRECTORY": directory, "GIT_ALTERNATE_OBJECT_DIRECTORIES": "\(repository.path)/objects"]
    }

    /// Indexes the pack in `packFile` into the quarantine, completing thin packs from the repository.
    ///
    /// - Parameter maxInputSize: a second guard beside the HTTP layer's byte count; index-pack refuses more.
    package func indexPack(from packFile: String, maxInputSize: Int) async throws {
        let output = try await repository.git.run(
            ["index-pack", "--stdin", "--fix-thin", "--max-input-size=\(maxInputSize)"],
            in: repository.path, environment: environment, inputFile: packFile
        )
        guard output.succeeded else { throw GitError.commandFailed(output) }
    }

    /// Moves the quarantined packs into the repository: the `.pack` first, its `.idx` last, because git only
    /// uses a pack once its index exists.
    package func migrate() throws {
        let fm = FileManager.default
        let source = "\(directory)/pack"
        let target = "\(repository.path)/objects/pack"
        let files = try fm.contentsOfDirectory(atPath: source)
        let ordered = files.filter { !$0.hasSuffix(".idx") } + files.filter { $0.hasSuffix(".idx") }
        for file in ordered where !file.hasPrefix("tmp") {
            let destination = "\(target)/\(file)"
            if fm.fileExists(atPath: destination) { continue }  // the same pack already arrived
            try fm.moveItem(atPath: "\(source)/\(file)", toPath: destination)
        }
    }

    /// Removes the quarantine and everything left in it.
    package func discard() {
        try? FileManager.default.removeItem(atPath: directory)
    }
}
