/// The difference of one file between two commits: Gerrit's DiffInfo in domain terms.
///
/// `content` is a sequence of chunks in file order. Each chunk is either lines common to both sides (`ab`),
/// an edit (`a` lines replaced by `b` lines, either possibly absent), or a count of common lines left out
/// (`skip`) when the caller asked for limited context. Lines carry no trailing newline.
package struct FileDiff: Hashable, Sendable {
    /// Gerrit's `change_type` values.
    package enum ChangeType: String, Sendable {
        case added = "ADDED"
        case modified = "MODIFIED"
        case deleted = "DELETED"
        case renamed = "RENAMED"
        case copied = "COPIED"
        case rewrite = "REWRITE"
    }

    /// One side of the diff: Gerrit's `meta_a` / `meta_b`.
    package struct Meta: Hashable, Sendable {
        package var name: String
        /// `text/plain` for text; for binary files a guess from the extension, else `application/octet-stream`.
        package var contentType: String
        /// The number of lines on this side; 0 for binary files, which are never split into lines.
        package var lines: Int

        package init(name: String, contentType: String, lines: Int) {
            self.name = name
            self.contentType = contentType
            self.lines = lines
        }
    }

    /// A run of lines; exactly one of `ab`, (`a` and/or `b`) or `skip` is set.
    package struct Chunk: Hashable, Sendable {
        package var ab: [String]?
        package var a: [String]?
        package var b: [String]?
        package var skip: Int?

        package init(ab: [String]? = nil, a: [String]? = nil, b: [String]? = nil, skip: Int? = nil) {
            self.ab = ab
            self.a = a
            self.b = b
            self.skip = skip
        }

        /// Lines present on both sides.
        package static func common(_ lines: [String]) -> Chunk { Chunk(ab: lines) }
        /// Lines of side A replaced by lines of side B; an empty side is left out, as Gerrit does.
        package static func edit(a: [String], b: [String]) -> Chunk {
            Chunk(a: a.isEmpty ? nil : a, b: b.isEmpty ? nil : b)
        }
        /// Common lines not shown.
        package static func skipped(_ count: Int) -> Chunk { Chunk(skip: count) }

        /// How many lines of side A this chunk stands for.
        var linesA: Int { (ab?.count ?? 0) + (a?.count ?? 0) + (skip ?? 0) }
        /// How many lines of side B this chunk stands for.
        var linesB: Int { (ab?.count ?? 0) + (b?.count ?? 0) + (skip ?? 0) }
    }

    package var metaA: Meta?
    package var metaB: Meta?
    package var changeType: ChangeType
    /// Git's header lines for this file (`diff --git …`, `index …`, `--- …`, `+++ …`, rename and mode lines).
    package var header: [String]
    /// Empty for binary files.
    package var content: [Chunk]
    package var isBinary: Bool

    package init(metaA: Meta?, metaB: Meta?, changeType: ChangeType, header: [String], content: [Chunk], isBinary: Bool) {
        self.metaA = metaA
        self.metaB = metaB
        self.changeType = changeType
        self.header = header
        self.content = content
        self.isBinary = isBinary
    }
}

extension FileDiff.Meta {
    /// Common binary types by extension, so clients can offer an image preview; everything else binary is
    /// `application/octet-stream`.
    private static let binaryTypes: [String: String] = [
        "png": "image/png", "jpg": "image/jpeg", "jpeg": "image/jpeg", "gif": "image/gif", "webp": "image/webp",
        "bmp": "image/bmp", "ico": "image/x-icon", "pdf": "application/pdf", "zip": "application/zip",
        "gz": "application/gzip", "jar": "application/java-archive",
    ]

    /// The content type Gatehouse reports for `name`.
    static func contentType(for name: String, isBinary: Bool) -> String {
        guard isBinary else { return "text/plain" }
        let fileName = name.split(separator: "/").last ?? ""
        guard let dot = fileName.lastIndex(of: "."), dot != fileName.startIndex else { return "application/octet-stream" }
        return binaryTypes[fileName[fileName.index(after: dot)...].lowercased()] ?? "application/octet-stream"
    }
}
