import GatehouseCore

/// A request path split into segments *before* percent-decoding, as Gerrit clients need: `test%2Fproject~1`
/// is one segment, and `files/a%2Fb.c/diff` addresses the file `a/b.c`. A `+` decodes to a space, as in
/// Gerrit (python-gerrit-api encodes file names with `quote_plus`); a real plus arrives as `%2B`.
struct RequestPath: Equatable {
    /// Decoded segments, without the leading empty one. A trailing slash leaves no empty segment: Gerrit
    /// clients use `/changes/1/` and `/changes/1` interchangeably.
    let segments: [String]
    let hadTrailingSlash: Bool

    /// - Returns: nil when a segment has a malformed escape or is not UTF-8 once decoded.
    init?(raw: String) {
        var parts = raw.split(separator: "/", omittingEmptySubsequences: false)
        if parts.first == "" { parts.removeFirst() }
        hadTrailingSlash = parts.last == "" && !parts.isEmpty
        if hadTrailingSlash { parts.removeLast() }
        var decoded: [String] = []
        for part in parts {
            guard let segment = PercentEncoding.decode(part, plusAsSpace: true) else { return nil }
            decoded.append(segment)
        }
        segments = decoded
    }

    init(segments: [String]) {
        self.segments = segments
        self.hadTrailingSlash = false
    }
}

/// Query parameters as Gerrit clients send them: `+` is a space, keys repeat (`q`, `o`), flags have no value.
struct QueryParameters {
    private var values: [String: [String]] = [:]

    init(raw: String?) {
        guard let raw else { return }
        for pair in raw.split(separator: "&") where !pair.isEmpty {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let key = PercentEncoding.decode(parts[0], plusAsSpace: true) ?? String(parts[0])
            let value = parts.count > 1 ? (PercentEncoding.decode(parts[1], plusAsSpace: true) ?? String(parts[1])) : ""
            values[key, default: []].append(value)
        }
    }

    subscript(_ key: String) -> String? { values[key]?.first }
    /// Every key with its first value, sorted by key (a form's fields).
    var pairs: [(String, String)] { values.keys.sorted().compactMap { key in values[key]?.first.map { (key, $0) } } }
    func all(_ key: String) -> [String] { values[key] ?? [] }
    func has(_ key: String) -> Bool { values[key] != nil }

    /// An integer parameter, or a 400 naming it.
    func int(_ keys: String..., default defaultValue: Int) throws -> Int {
        for key in keys {
            if let text = self[key] {
                guard let value = Int(text), value >= 0 else { throw HTTPFailure.badRequest("\"\(text)\" is not a valid value for \"\(key)\"") }
                return value
            }
        }
        return defaultValue
    }
}
