import GatehouseCore
import GatehouseGit
import GatehouseStore

/// The files of one patch set and how many lines each side has, to refuse comments that point nowhere.
struct CommentPositions: Sendable {
    /// Lines per path on the revision side and on the parent side (absent: the file does not exist there).
    let revisionLines: [String: Int]
    let parentLines: [String: Int]

    func check(_ comment: PostReview.CommentInput, patchSet: Int, change: Change.Number) throws {
        guard comment.message.utf8.count <= PostReview.maxMessageBytes else {
            throw ReviewError.badRequest("comment on \(comment.path) too long; the limit is \(PostReview.maxMessageBytes) bytes")
        }
        guard !comment.message.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw ReviewError.badRequest("comment on \(comment.path) has no message")
        }
        guard revisionLines[comment.path] != nil || parentLines[comment.path] != nil else {
            throw ReviewError.badRequest("file \(comment.path) not found in revision \(change),\(patchSet)")
        }
        let lines = (comment.side == .revision ? revisionLines : parentLines)[comment.path]
        if let range = comment.range {
            guard range.isValid else { throw ReviewError.badRequest("invalid range on \(comment.path)") }
            guard let lines, range.endLine <= lines else {
                throw ReviewError.badRequest("range ends on line \(range.endLine) of \(comment.path), which has \((lines ?? 0)) lines on that side")
            }
        } else if let line = comment.line {
            guard line >= 0 else { throw ReviewError.badRequest("line \(line) of \(comment.path) does not exist") }
            guard let lines, line <= lines else {
                throw ReviewError.badRequest("line \(line) of \(comment.path) does not exist: it has \(lines ?? 0) lines on that side")
            }
        }
    }
}

extension PostReview {
    /// Reads the patch set's files from git, only when the review has comments (votes need no git at all).
    func commentPositions(change number: Change.Number, patchSet: Int, user: CurrentUser, context: ReviewContext) async throws -> CommentPositions {
        guard !comments.isEmpty else { return CommentPositions(revisionLines: [:], parentLines: [:]) }
        let (change, patchSets) = try await context.store.read { tx in
            let access = try await ChangeAccess.load(number, user: user, in: tx)
            return (access.change, try await tx.patchSets(of: number))
        }
        guard let current = patchSets.first(where: { $0.id.patchSet == patchSet }) else {
            throw ReviewError.notFound("patch set \(patchSet) of change \(number) not found")
        }
        let repository = context.repository(for: change.project)
        guard let commit = try await repository.commits([current.commit]).first else { throw ReviewError.notFound("revision not found") }
        var revision = [Comment.commitMessagePath: CommitMessageFile.lineCount(of: commit)]
        var parent: [String: Int] = [:]
        let wanted = Set(comments.map(\.path))
        for file in try await repository.changedFiles(from: nil, to: current.commit) where wanted.contains(file.path) {
            if let bytes = try await repository.fileContent(at: current.commit, path: file.path) { revision[file.path] = Self.lineCount(bytes) }
            if let base = commit.parents.first,
                let bytes = try await repository.fileContent(at: base, path: file.oldPath ?? file.path)
            {
                parent[file.path] = Self.lineCount(bytes)
            }
        }
        return CommentPositions(revisionLines: revision, parentLines: parent)
    }

    static func lineCount(_ bytes: [UInt8]) -> Int {
        guard !bytes.isEmpty else { return 0 }
        return bytes.count(where: { $0 == 0x0A }) + (bytes.last == 0x0A ? 0 : 1)
    }
}

import Foundation
