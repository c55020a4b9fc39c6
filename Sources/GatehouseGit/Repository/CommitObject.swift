package import GatehouseCore

/// A commit as stored by git, parsed from `git cat-file` output.
///
/// The message is kept only when it is valid UTF-8: Gatehouse refuses other encodings at upload time, because
/// every later reader (web pages, JSON, e-mail) would otherwise have to guess.
package struct CommitObject: Hashable, Sendable {
    package let id: CommitID
    package let tree: String
    package let parents: [CommitID]
    package let author: GitIdentity
    package let committer: GitIdentity
    /// The `encoding` header, when the commit declares one.
    package let encoding: String?
    /// nil when the message bytes are not valid UTF-8.
    package let message: String?

    /// The first line of the message, as Gerrit shows it.
    package var subject: String {
        guard let message else { return "" }
        let firstParagraph = message.split(separator: "\n\n", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
        return firstParagraph.split(separator: "\n").map { $0.trimmingCharacters(in: " \t\r") }.joined(separator: " ")
    }

    /// Parses the raw object body (headers, blank line, message).
    package init(id: CommitID, raw: ArraySlice<UInt8>) throws(GitError) {
        guard let split = raw.firstRange(of: [0x0A, 0x0A]) else {
            throw .unexpectedOutput("commit \(id.hex) has no message separator")
        }
        let headerText = String(decoding: raw[raw.startIndex..<split.lowerBound], as: UTF8.self)
        var tree: String?
        var parents: [CommitID] = []
        var author: GitIdentity?
        var committer: GitIdentity?
        var encoding: String?
        for line in headerText.split(separator: "\n") where !line.hasPrefix(" ") {
            guard let space = line.firstIndex(of: " ") else { continue }
            let key = line[..<space]
            let value = line[line.index(after: space)...]
            switch key {
            case "tree": tree = String(value)
            case "parent": if let parent = CommitID(String(value)) { parents.append(parent) }
            case "author": author = GitIdentity(header: value)
            case "committer": committer = GitIdentity(header: value)
            case "encoding": encoding = String(value)
            default: break
            }
        }
        guard let tree, let author, let committer else {
            throw .unexpectedOutput("commit \(id.hex) lacks a tree, author or committer")
        }
        self.id = id
        self.tree = tree
        self.parents = parents
        self.author = author
        self.committer = committer
        self.encoding = encoding
        self.message = String(validating: raw[split.upperBound...], as: UTF8.self)
    }
}

extension StringProtocol {
    fileprivate func trimmingCharacters(in set: String) -> String {
        var s = self[...]
        while let c = s.first, set.contains(c) { s.removeFirst() }
        while let c = s.last, set.contains(c) { s.removeLast() }
        return String(s)
    }
}
