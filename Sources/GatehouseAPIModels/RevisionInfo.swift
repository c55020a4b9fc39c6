/// Gerrit's RevisionInfo: one patch set. `fetch` is never empty: git-review and gertty need it.
public struct RevisionInfo: Codable, Equatable, Sendable {
    public var kind: String
    public var number: Int
    public var created: String
    public var uploader: AccountInfo
    public var ref: String
    public var fetch: [String: FetchInfo]
    public var commit: CommitInfo?

    public init(kind: String, number: Int, created: String, uploader: AccountInfo, ref: String, fetch: [String: FetchInfo], commit: CommitInfo?) {
        self.kind = kind
        self.number = number
        self.created = created
        self.uploader = uploader
        self.ref = ref
        self.fetch = fetch
        self.commit = commit
    }

    enum CodingKeys: String, CodingKey {
        case kind
        case number = "_number"
        case created, uploader, ref, fetch, commit
    }
}

extension RevisionInfo: JSONValueWritable {
    package func writeJSON(to output: inout JSONOutput) {
        output.beginObject()
        output.field(CodingKeys.kind, kind)
        output.field(CodingKeys.number, number)
        output.field(CodingKeys.created, created)
        output.field(CodingKeys.uploader, uploader)
        output.field(CodingKeys.ref, ref)
        output.field(CodingKeys.fetch, fetch)
        output.field(CodingKeys.commit, commit)
        output.endObject()
    }
}

/// Gerrit's FetchInfo: where and what to fetch for a patch set.
public struct FetchInfo: Codable, Equatable, Sendable {
    public var url: String
    public var ref: String
    public var commands: [String: String]?

    public init(url: String, ref: String, commands: [String: String]? = nil) {
        self.url = url
        self.ref = ref
        self.commands = commands
    }
}

extension FetchInfo: JSONValueWritable {
    package func writeJSON(to output: inout JSONOutput) {
        output.beginObject()
        output.field(CodingKeys.url, url)
        output.field(CodingKeys.ref, ref)
        output.field(CodingKeys.commands, commands)
        output.endObject()
    }
}

/// Gerrit's CommitInfo.
public struct CommitInfo: Codable, Equatable, Sendable {
    public var commit: String?
    public var parents: [ParentInfo]
    public var author: GitPersonInfo
    public var committer: GitPersonInfo
    public var subject: String
    public var message: String

    public init(commit: String?, parents: [ParentInfo], author: GitPersonInfo, committer: GitPersonInfo, subject: String, message: String) {
        self.commit = commit
        self.parents = parents
        self.author = author
        self.committer = committer
        self.subject = subject
        self.message = message
    }

    public struct ParentInfo: Codable, Equatable, Sendable {
        public var commit: String
        public var subject: String?
        public init(commit: String, subject: String?) {
            self.commit = commit
            self.subject = subject
        }
    }
}

extension CommitInfo: JSONValueWritable {
    package func writeJSON(to output: inout JSONOutput) {
        output.beginObject()
        output.field(CodingKeys.commit, commit)
        output.field(CodingKeys.parents, parents)
        output.field(CodingKeys.author, author)
        output.field(CodingKeys.committer, committer)
        output.field(CodingKeys.subject, subject)
        output.field(CodingKeys.message, message)
        output.endObject()
    }
}

extension CommitInfo.ParentInfo: JSONValueWritable {
    package func writeJSON(to output: inout JSONOutput) {
        output.beginObject()
        output.field(CodingKeys.commit, commit)
        output.field(CodingKeys.subject, subject)
        output.endObject()
    }
}

/// Gerrit's GitPersonInfo; `tz` is minutes east of UTC.
public struct GitPersonInfo: Codable, Equatable, Sendable {
    public var name: String
    public var email: String
    public var date: String
    public var tz: Int

    public init(name: String, email: String, date: String, tz: Int) {
        self.name = name
        self.email = email
        self.date = date
        self.tz = tz
    }
}

extension GitPersonInfo: JSONValueWritable {
    package func writeJSON(to output: inout JSONOutput) {
        output.beginObject()
        output.field(CodingKeys.name, name)
        output.field(CodingKeys.email, email)
        output.field(CodingKeys.date, date)
        output.field(CodingKeys.tz, tz)
        output.endObject()
    }
}

/// Gerrit's ChangeMessageInfo; no `author` means Gatehouse wrote it.
public struct ChangeMessageInfo: Codable, Equatable, Sendable {
    public var id: String
    public var author: AccountInfo?
    public var date: String
    public var message: String
    public var tag: String?
    public var revisionNumber: Int?

    public init(id: String, author: AccountInfo?, date: String, message: String, tag: String?, revisionNumber: Int?) {
        self.id = id
        self.author = author
        self.date = date
        self.message = message
        self.tag = tag
        self.revisionNumber = revisionNumber
    }

    enum CodingKeys: String, CodingKey {
        case id, author, date, message, tag
        case revisionNumber = "_revision_number"
    }
}

extension ChangeMessageInfo: JSONValueWritable {
    package func writeJSON(to output: inout JSONOutput) {
        output.beginObject()
        output.field(CodingKeys.id, id)
        output.field(CodingKeys.author, author)
        output.field(CodingKeys.date, date)
        output.field(CodingKeys.message, message)
        output.field(CodingKeys.tag, tag)
        output.field(CodingKeys.revisionNumber, revisionNumber)
        output.endObject()
    }
}
