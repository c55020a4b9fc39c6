/// One file's `git diff` output, split into git's header lines and Gerrit-style chunks.
///
/// Hunks are read by their `@@ -a,b +c,d @@` counts rather than by guessing from line prefixes, so a deleted
/// line that happens to read `-- x` or `diff …` is still content. Lines are decoded as UTF-8 with invalid bytes
/// replaced: a diff of a Latin-1 file must render, not fail.
struct UnifiedDiff {
    var header: [String] = []
    /// Chunks in file order: `ab` for context, `a`/`b` for edits, `skip` only for gaps between hunks.
    var chunks: [FileDiff.Chunk] = []
    /// git printed `Binary files … differ`.
    var isBinary = false
    /// At least one `@@` hunk was present; false for pure renames, mode changes and binary files.
    var hasHunks = false

    init() {}

    init(parsing output: [UInt8]) throws(GitError) {
        var lines = output.split(separator: 0x0A, omittingEmptySubsequences: false)
        if lines.last?.isEmpty == true { lines.removeLast() }
        var builder = Builder()
        var remainingA = 0
        var remainingB = 0
        var nextLineA = 1
        for line in lines {
            if remainingA > 0 || remainingB > 0 {
                let text = String(decoding: line.dropFirst(), as: UTF8.self)
                switch line.first {
                case 0x20:
                    builder.common(text)
                    remainingA -= 1
                    remainingB -= 1
                case 0x2D:
                    builder.removed(text)
                    remainingA -= 1
                case 0x2B:
                    builder.added(text)
                    remainingB -= 1
                case 0x5C: break  // "\ No newline at end of file": the line before simply has no newline.
                default: throw .unexpectedOutput("diff line outside a hunk's counts: \(String(decoding: line, as: UTF8.self))")
                }
                continue
            }
            if line.first == 0x5C { continue }
            if line.starts(with: Self.hunkPrefix) {
                let (oldStart, oldCount, newCount) = try Self.hunkRange(line)
                // A hunk that removes nothing names the line *before* it; the first line it covers is the next.
                let firstLine = oldCount == 0 ? oldStart + 1 : oldStart
                if firstLine > nextLineA { builder.skip(firstLine - nextLineA) }
                nextLineA = firstLine + oldCount
                remainingA = oldCount
                remainingB = newCount
                hasHunks = true
                continue
            }
            if line.starts(with: Self.diffPrefix) { nextLineA = 1 }
            if line.starts(with: Self.binaryPrefix) || line.starts(with: Self.binaryPatchPrefix) { isBinary = true }
            header.append(String(decoding: line, as: UTF8.self))
        }
        guard remainingA == 0, remainingB == 0 else { throw .unexpectedOutput("diff ended inside a hunk") }
        chunks = builder.finish()
    }

    private static let hunkPrefix = Array("@@ -".utf8)
    private static let diffPrefix = Array("diff ".utf8)
    private static let binaryPrefix = Array("Binary files ".utf8)
    private static let binaryPatchPrefix = Array("GIT binary patch".utf8)

    /// Reads `@@ -start[,count] +start[,count] @@ …`; an omitted count is 1.
    private static func hunkRange(_ line: ArraySlice<UInt8>) throws(GitError) -> (oldStart: Int, oldCount: Int, newCount: Int) {
        let fields = String(decoding: line, as: UTF8.self).split(separator: " ")
        func range(_ field: Substring) -> (Int, Int)? {
            let parts = field.dropFirst().split(separator: ",", omittingEmptySubsequences: false)
            guard let start = Int(parts[0]) else { return nil }
            guard parts.count == 2 else { return parts.count == 1 ? (start, 1) : nil }
            return Int(parts[1]).map { (start, $0) }
        }
        guard fields.count >= 3, let old = range(fields[1]), let new = range(fields[2]) else {
            throw .unexpectedOutput("hunk header \(String(decoding: line, as: UTF8.self))")
        }
        return (old.0, old.1, new.1)
    }

    /// Groups consecutive lines into chunks: context runs into `ab`, edit runs into one `a`+`b` chunk.
    private struct Builder {
        var chunks: [FileDiff.Chunk] = []
        var common: [String] = []
        var a: [String] = []
        var b: [String] = []

        mutating func common(_ line: String) {
            flushEdit()
            common.append(line)
        }

        mutating func removed(_ line: String) {
            flushCommon()
            a.append(line)
        }

        mutating func added(_ line: String) {
            flushCommon()
            b.append(line)
        }

        mutating func skip(_ count: Int) {
            flushEdit()
            flushCommon()
            chunks.append(.skipped(count))
        }

        mutating func finish() -> [FileDiff.Chunk] {
            flushEdit()
            flushCommon()
            return chunks
        }

        private mutating func flushEdit() {
            guard !a.isEmpty || !b.isEmpty else { return }
            chunks.append(.edit(a: a, b: b))
            a = []
            b = []
        }

        private mutating func flushCommon() {
            guard !common.isEmpty else { return }
            chunks.append(.common(common))
            common = []
        }
    }
}
