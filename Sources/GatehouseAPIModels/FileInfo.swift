/// Gerrit's FileInfo: `status` omitted for modified files, zero line counts omitted.
public struct FileInfo: Codable, Equatable, Sendable {
    public var status: String?
    public var binary: Bool?
    public var oldPath: String?
    public var linesInserted: Int?
    public var linesDeleted: Int?
    public var sizeDelta: Int
    public var size: Int

    public init(status: String?, binary: Bool?, oldPath: String?, linesInserted: Int?, linesDeleted: Int?, sizeDelta: Int, size: Int) {
        self.status = status
        self.binary = binary
        self.oldPath = oldPath
        self.linesInserted = linesInserted
        self.linesDeleted = linesDeleted
        self.sizeDelta = sizeDelta
        self.size = size
    }

    enum CodingKeys: String, CodingKey {
        case status, binary
        case oldPath = "old_path"
        case linesInserted = "lines_inserted"
        case linesDeleted = "lines_deleted"
        case sizeDelta = "size_delta"
        case size
    }
}

/// Gerrit's DiffInfo.
public struct DiffInfo: Codable, Equatable, Sendable {
    public struct Meta: Codable, Equatable, Sendable {
        public var name: String
        public var contentType: String
        public var lines: Int
        public init(name: String, contentType: String, lines: Int) {
            self.name = name
            self.contentType = contentType
            self.lines = lines
        }
        enum CodingKeys: String, CodingKey {
            case name
            case contentType = "content_type"
            case lines
        }
    }

    public struct Chunk: Codable, Equatable, Sendable {
        public var ab: [String]?
        public var a: [String]?
        public var b: [String]?
        public var skip: Int?
        public init(ab: [String]?, a: [String]?, b: [String]?, skip: Int?) {
            self.ab = ab
            self.a = a
            self.b = b
            self.skip = skip
        }
    }

    public var metaA: Meta?
    public var metaB: Meta?
    public var changeType: String
    public var diffHeader: [String]
    public var content: [Chunk]
    public var binary: Bool?

    public init(metaA: Meta?, metaB: Meta?, changeType: String, diffHeader: [String], content: [Chunk], binary: Bool?) {
        self.metaA = metaA
        self.metaB = metaB
        self.changeType = changeType
        self.diffHeader = diffHeader
        self.content = content
        self.binary = binary
    }

    enum CodingKeys: String, CodingKey {
        case metaA = "meta_a"
        case metaB = "meta_b"
        case changeType = "change_type"
        case diffHeader = "diff_header"
        case content, binary
    }
}
