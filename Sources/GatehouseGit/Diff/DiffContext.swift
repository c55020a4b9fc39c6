/// Gerrit's `context` parameter: keep only `lines` common lines around each edit and replace the rest of
/// every common run by a `skip` count.
///
/// Working on the whole-file chunks (rather than asking git for `-U<n>`) keeps one code path for both forms
/// and guarantees that `skip` counts add up to exactly the lines left out.
enum DiffContext {
    static func limit(_ chunks: [FileDiff.Chunk], to lines: Int) -> [FileDiff.Chunk] {
        let context = max(0, lines)
        var result: [FileDiff.Chunk] = []
        func skip(_ count: Int) {
            guard count > 0 else { return }
            if let last = result.last, let skipped = last.skip {
                result[result.count - 1] = .skipped(skipped + count)
            } else {
                result.append(.skipped(count))
            }
        }
        let edits = chunks.indices.filter { chunks[$0].ab == nil && chunks[$0].skip == nil }
        for (index, chunk) in chunks.enumerated() {
            if let skipped = chunk.skip {
                skip(skipped)
                continue
            }
            guard let common = chunk.ab else {
                result.append(chunk)
                continue
            }
            // Context is kept only on a side that faces an edit: a file without edits becomes one skip.
            let head = edits.first.map { $0 < index } == true ? context : 0
            let tail = edits.last.map { $0 > index } == true ? context : 0
            guard common.count > head + tail else {
                result.append(chunk)
                continue
            }
            if head > 0 { result.append(.common(Array(common.prefix(head)))) }
            skip(common.count - head - tail)
            if tail > 0 { result.append(.common(Array(common.suffix(tail)))) }
        }
        return result
    }
}
