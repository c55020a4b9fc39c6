/// The bounds every diff operation works within, so one huge file cannot make the server buffer without limit.
///
/// Text diffs are the expensive part: a whole-file diff holds both sides in memory several times over (git's
/// output, the split lines, the JSON). Blobs larger than ``textBytes`` are therefore treated as binary, by git
/// itself through `core.bigFileThreshold`, which keeps file lists, diffs and patch ids consistent.
enum DiffLimits {
    /// The largest blob diffed as text (4 MiB); larger ones are reported as binary.
    static let textBytes = 4 << 20
    /// The most output one single-file diff can produce: each side's bytes plus one prefix byte per line.
    static let diffOutputBytes = 4 * textBytes + (64 << 10)
    /// The largest blob ``BareRepository/fileContent(at:path:)`` returns (64 MiB).
    static let contentBytes = 64 << 20
    /// How many leading bytes git inspects for a NUL when deciding whether a blob is binary.
    static let binarySniffBytes = 8000

    /// The `-c` options that make git apply ``textBytes``; goes before the subcommand.
    static var gitOptions: [String] { ["-c", "core.bigFileThreshold=\(textBytes)", "-c", "core.quotePath=false"] }

    /// Git's own binary test: a NUL byte near the start, or more than ``textBytes``.
    static func looksBinary(_ bytes: [UInt8]) -> Bool {
        bytes.count > textBytes || bytes.prefix(binarySniffBytes).contains(0)
    }
}
