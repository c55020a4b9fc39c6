import Foundation
import GatehouseAPIModels
import GatehouseCore
import GatehouseGit
import GatehouseReview
import GatehouseStore
import HTTPTypes
import Hummingbird

/// `/changes/{id}/revisions/{rev}/…`: review, comments, files, diffs, content, patch and commit of a patch set.
///
/// `{rev}` is `current`, a patch set number, or a full or abbreviated (4+ hex) commit SHA, as in Gerrit.
struct RevisionRoutes {
    let context: ReviewContext

    func handle(_ api: inout APIRequest, change number: Change.Number, revision text: String, rest: [String]) async throws -> Response {
        let (change, project, patchSet, commit) = try await resolve(number, revision: text, user: api.user)
        let repository = context.repository(for: project.name)
        switch (api.method, rest) {
        case (.post, ["review"]):
            let input = try await api.request.decodeJSON(ReviewInput.self)
            let outcome = try await Self.postReview(input).run(change: number, patchSet: patchSet.id.patchSet, by: api.user, in: context)
            return try GerritResponse.json(ReviewResult(labels: outcome.labels, ready: input.ready == true ? !outcome.isWorkInProgress : nil))
        case (.post, ["submit"]):
            _ = try await SubmitChange.run(number, by: api.user, in: context)
            return try await ChangeRoutes(context: context).info(number, api: api)
        case (.get, ["comments"]):
            return try await comments(number, patchSet: patchSet.id.patchSet, api: api)
        case (.get, ["drafts"]):
            _ = try api.user.requireAccount()
            return try GerritResponse.json(try await draftMap(number, patchSet: patchSet.id.patchSet, user: api.user))
        case (.put, ["drafts"]):
            let input = try await api.request.decodeJSON(DraftInput.self)
            guard let path = input.path, !path.isEmpty else { throw HTTPFailure.badRequest("path must be non-empty") }
            let draft = try await CommentDrafts(context: context, user: api.user)
                .save(try Self.commentInput(input.comment, path: path), change: number, patchSet: patchSet.id.patchSet)
            let account = try api.user.requireAccount()
            var info = Self.info(draft, author: AccountInfo(account, showEmail: true), commit: patchSet.commit.hex)
            info.path = path
            return try GerritResponse.json(info, status: .created)
        case (.delete, _) where rest.count == 2 && rest[0] == "drafts":
            try await CommentDrafts(context: context, user: api.user).discard(rest[1], change: number)
            return GerritResponse.noContent()
        case (.get, ["commit"]):
            guard let object = try await repository.commits([patchSet.commit]).first else { throw HTTPFailure.notFound() }
            let parents = try await repository.commits(object.parents, tolerateMissing: true)
            return try GerritResponse.json(CommitInfo(object, parents: parents, includeID: true))
        case (.get, ["patch"]):
            guard commit.parents.count <= 1 else { throw ReviewError.conflict("cannot get a patch of a merge commit") }
            let patch = try await repository.formatPatch(patchSet.commit)
            return Self.base64(patch, fyiType: "application/mbox")
        case (.get, ["files"]):
            return try GerritResponse.json(try await files(commit: commit, base: api.query["base"], change: change, repository: repository))
        case (.get, _) where rest.count == 3 && rest[0] == "files" && rest[2] == "content":
            let bytes = try await content(rest[1], commit: commit, repository: repository)
            return Self.base64(bytes, fyiType: "text/plain")
        case (.get, _) where rest.count == 3 && rest[0] == "files" && rest[2] == "diff":
            return try await diff(rest[1], commit: commit, base: api.query["base"], change: change, repository: repository, api: api)
        default:
            throw HTTPFailure.notFound()
        }
    }

    /// The change, its project, the patch set `{rev}` names, and that patch set's commit object.
    func resolve(
        _ number: Change.Number, revision text: String, user: CurrentUser
    ) async throws -> (Change, Project, PatchSet, CommitObject) {
        let (change, project, patchSets) = try await context.store.read { tx in
            let access = try await ChangeAccess.load(number, user: user, in: tx)
            return (access.change, access.project, try await tx.patchSets(of: number))
        }
        let lowered = text.lowercased()
        let match: PatchSet? =
            if lowered == "current" {
                patchSets.first { $0.id.patchSet == change.currentPatchSet }
            } else if let n = Int(text), n > 0, n <= patchSets.count, text.count < 4 || patchSets.contains(where: { $0.id.patchSet == n }) {
                patchSets.first { $0.id.patchSet == n }
            } else if lowered.count >= 4, lowered.allSatisfy(\.isHexDigit) {
                patchSets.filter { $0.commit.hex.hasPrefix(lowered) }.count == 1 ? patchSets.first { $0.commit.hex.hasPrefix(lowered) } : nil
            } else {
                nil
            }
        guard let patchSet = match, let commit = try await context.repository(for: project.name).commits([patchSet.commit]).first else {
            throw ReviewError.notFound("Not found: revision \(text)")
        }
        return (change, project, patchSet, commit)
    }

    static func postReview(_ input: ReviewInput) throws -> PostReview {
        var comments: [PostReview.CommentInput] = []
        for (path, list) in (input.comments ?? [:]).sorted(by: { $0.key < $1.key }) {
            for comment in list { comments.append(try commentInput(comment, path: path)) }
        }
        let publish: Bool
        switch input.drafts?.uppercased() {
        case nil, "KEEP": publish = false
        case "PUBLISH", "PUBLISH_ALL_REVISIONS": publish = true
        case let other?: throw HTTPFailure.badRequest("invalid drafts \(other): use KEEP, PUBLISH or PUBLISH_ALL_REVISIONS")
        }
        return PostReview(
            message: input.message, labels: input.labels ?? [:], comments: comments, tag: input.tag,
            reviewers: (input.reviewers ?? []).map(\.reviewer), ready: input.ready, workInProgress: input.workInProgress, publishDrafts: publish
        )
    }

    static func commentInput(_ comment: CommentInput, path: String) throws -> PostReview.CommentInput {
        let side: Comment.Side
        switch comment.side?.uppercased() {
        case nil, "REVISION": side = .revision
        case "PARENT": side = .parent
        case let other?: throw HTTPFailure.badRequest("invalid side \(other) on \(path): use REVISION or PARENT")
        }
        guard let message = comment.message, !message.isEmpty else { throw HTTPFailure.badRequest("comment on \(path) has no message") }
        return PostReview.CommentInput(
            path: path, side: side, line: comment.line,
            range: comment.range.map { Comment.Range(startLine: $0.startLine, startCharacter: $0.startCharacter, endLine: $0.endLine, endCharacter: $0.endCharacter) },
            inReplyTo: comment.inReplyTo, message: message, isUnresolved: comment.unresolved
        )
    }

    /// `{path: [CommentInfo]}` of one patch set, or of all patch sets when `patchSet` is nil.
    func comments(_ number: Change.Number, patchSet: Int?, api: APIRequest) async throws -> Response {
        try GerritResponse.json(try await commentMap(number, patchSet: patchSet, user: api.user))
    }

    /// The comments as Gerrit's CommentInfo, by file (the web page shows the same).
    func commentMap(_ number: Change.Number, patchSet: Int?, user: CurrentUser) async throws -> [String: [CommentInfo]] {
        try await context.store.read { tx in
            _ = try await ChangeAccess.load(number, user: user, in: tx)
            return try await Self.infos(try await tx.comments(change: number, patchSet: patchSet), change: number, user: user, in: tx)
        }
    }

    /// The caller's drafts, in the same shape.
    func draftMap(_ number: Change.Number, patchSet: Int?, user: CurrentUser) async throws -> [String: [CommentInfo]] {
        let drafts = try await CommentDrafts(context: context, user: user).list(change: number, patchSet: patchSet)
        return try await context.store.read { tx in try await Self.infos(drafts, change: number, user: user, in: tx) }
    }

    static func infos(_ comments: [Comment], change number: Change.Number, user: CurrentUser, in tx: StoreTransaction) async throws -> [String: [CommentInfo]] {
        let accounts = try await tx.accounts(ids: comments.map(\.authorID))
        let commits = Dictionary(try await tx.patchSets(of: number).map { ($0.id.patchSet, $0.commit.hex) }, uniquingKeysWith: { $1 })
        var map: [String: [CommentInfo]] = [:]
        for comment in comments {
            let author = accounts[comment.authorID].map { AccountInfo($0, showEmail: !user.isAnonymous) } ?? AccountInfo(accountID: comment.authorID)
            map[comment.path, default: []].append(info(comment, author: author, commit: commits[comment.patchSet]))
        }
        return map
    }

    static func info(_ comment: Comment, author: AccountInfo, commit: String?) -> CommentInfo {
        CommentInfo(
            id: comment.id, path: nil, side: comment.side == .parent ? "PARENT" : nil, parent: comment.side == .parent ? 1 : nil,
            line: comment.line,
            range: comment.range.map { CommentRange(startLine: $0.startLine, startCharacter: $0.startCharacter, endLine: $0.endLine, endCharacter: $0.endCharacter) },
            inReplyTo: comment.inReplyTo, message: comment.message, updated: comment.createdAt.gerritFormat, author: author,
            patchSet: comment.patchSet, unresolved: comment.isUnresolved, changeMessageID: comment.changeMessageID,
            commitID: commit, tag: comment.tag
        )
    }

    /// Gerrit's file map: `/COMMIT_MSG` first (and `/MERGE_LIST` for merges), then the changed files.
    func files(commit: CommitObject, base: String?, change: Change, repository: BareRepository) async throws -> [String: FileInfo] {
        let baseCommit = try await baseCommit(base, change: change)
        var map: [String: FileInfo] = [:]
        let message = CommitMessageFile.text(of: commit)
        map[Comment.commitMessagePath] = FileInfo(
            status: "A", binary: nil, oldPath: nil, linesInserted: message.split(separator: "\n", omittingEmptySubsequences: false).count - 1,
            linesDeleted: nil, sizeDelta: message.utf8.count, size: message.utf8.count
        )
        if commit.parents.count > 1 {
            map["/MERGE_LIST"] = FileInfo(status: "A", binary: nil, oldPath: nil, linesInserted: nil, linesDeleted: nil, sizeDelta: 0, size: 0)
        }
        for file in try await repository.changedFiles(from: baseCommit, to: commit.id) {
            map[file.path] = FileInfo(
                status: file.status == .modified ? nil : file.status.rawValue, binary: file.isBinary ? true : nil, oldPath: file.oldPath,
                linesInserted: file.linesInserted == 0 ? nil : file.linesInserted, linesDeleted: file.linesDeleted == 0 ? nil : file.linesDeleted,
                sizeDelta: file.sizeDelta, size: file.size
            )
        }
        return map
    }

    /// `base=N`: diff against patch set N instead of the parent.
    private func baseCommit(_ base: String?, change: Change) async throws -> CommitID? {
        guard let base else { return nil }
        guard let number = Int(base) else { throw HTTPFailure.badRequest("\"\(base)\" is not a valid value for \"base\"") }
        let patchSets = try await context.store.read { try await $0.patchSets(of: change.number) }
        guard let patchSet = patchSets.first(where: { $0.id.patchSet == number }) else { throw ReviewError.notFound("Not found: patch set \(base)") }
        return patchSet.commit
    }

    private func content(_ path: String, commit: CommitObject, repository: BareRepository) async throws -> [UInt8] {
        if path == Comment.commitMessagePath { return Array(CommitMessageFile.text(of: commit).utf8) }
        guard let bytes = try await repository.fileContent(at: commit.id, path: path) else { throw ReviewError.notFound("Not found: \(path)") }
        return bytes
    }

    private func diff(
        _ path: String, commit: CommitObject, base: String?, change: Change, repository: BareRepository, api: APIRequest
    ) async throws -> Response {
        let context = try api.query["context"].map { text -> Int? in
            if text.uppercased() == "ALL" { return nil }
            guard let n = Int(text), n >= 0 else { throw HTTPFailure.badRequest("\"\(text)\" is not a valid value for \"context\"") }
            return n
        } ?? nil
        return try GerritResponse.json(try await diffInfo(path, commit: commit, base: base, change: change, repository: repository, context: context))
    }

    /// One file's diff in Gerrit's DiffInfo shape; `context` lines around each change, or the whole file when nil.
    func diffInfo(
        _ path: String, commit: CommitObject, base: String?, change: Change, repository: BareRepository, context: Int?
    ) async throws -> DiffInfo {
        if path == Comment.commitMessagePath {
            let lines = CommitMessageFile.text(of: commit).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            return DiffInfo(
                metaA: nil, metaB: DiffInfo.Meta(name: path, contentType: "text/x-gerrit-commit-message", lines: lines.count),
                changeType: "ADDED", diffHeader: [], content: [DiffInfo.Chunk(ab: nil, a: nil, b: lines, skip: nil)], binary: nil
            )
        }
        let baseCommit = try await baseCommit(base, change: change)
        guard let diff = try await repository.fileDiff(from: baseCommit, to: commit.id, path: path, context: context) else {
            throw ReviewError.notFound("Not found: \(path)")
        }
        func meta(_ m: FileDiff.Meta?) -> DiffInfo.Meta? { m.map { DiffInfo.Meta(name: $0.name, contentType: $0.contentType, lines: $0.lines) } }
        return DiffInfo(
            metaA: meta(diff.metaA), metaB: meta(diff.metaB), changeType: diff.changeType.rawValue, diffHeader: diff.header,
            content: diff.content.map { DiffInfo.Chunk(ab: $0.ab, a: $0.a, b: $0.b, skip: $0.skip) }, binary: diff.isBinary ? true : nil
        )
    }

    /// Gerrit's base64 answers (`/content`, `/patch`): plain text, no XSSI prefix, the real type in a header.
    static func base64(_ bytes: [UInt8], fyiType: String) -> Response {
        Response(
            status: .ok,
            headers: [
                .contentType: "text/plain; charset=ISO-8859-1", HTTPField.Name("X-FYI-Content-Encoding")!: "base64",
                HTTPField.Name("X-FYI-Content-Type")!: fyiType,
            ],
            body: .init(byteBuffer: ByteBuffer(string: Data(bytes).base64EncodedString()))
        )
    }
}
