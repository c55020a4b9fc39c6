/// One entry of `git ls-tree -z -l`: what a path names in a commit's tree.
///
/// Used to look a single path up without the `<rev>:<path>` syntax, whose path part git interprets
/// (`./` prefixes) and which cannot carry a newline through `cat-file --batch`.
struct TreeEntry: Equatable {
    var mode: String
    /// `blob`, `tree` or `commit` (a submodule).
    var type: String
    var object: String
    /// The blob's size in bytes; nil for trees and submodules.
    var size: Int?
    var path: String

    /// Parses `mode SP type SP object SP+ size TAB path`, one NUL-terminated record.
    init?(record: ArraySlice<UInt8>) {
        guard let tab = record.firstIndex(of: 0x09) else { return nil }
        let fields = String(decoding: record[..<tab], as: UTF8.self).split(separator: " ")
        guard fields.count == 4 else { return nil }
        mode = String(fields[0])
        type = String(fields[1])
        object = String(fields[2])
        size = Int(fields[3])
        path = String(decoding: record[(tab + 1)...], as: UTF8.self)
    }
}
