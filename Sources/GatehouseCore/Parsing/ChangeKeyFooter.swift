/// Finds the Change-Id of a pushed commit in its message, the way Gerrit does.
///
/// Only the footer counts — the last paragraph, and never the subject paragraph — so that a message which
/// merely quotes another change (a revert, a cherry-pick note) is not mistaken for that change. Besides
/// `Change-Id: I…`, the footer may carry `Link: <review url>/id/I…`, which the commit-msg hook writes when
/// `gerrit.reviewUrl` is set.
package enum ChangeKeyFooter {
    package static func parse(_ message: String) -> Result<ChangeKey, ChangeKeyFooterError> {
        let lines = message.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
            .map { line in
                let text = Substring(line)
                return text.last == "\r" ? text.dropLast() : text
            }

        // Distinct values, in order: the same id written twice (or as both Change-Id and Link) is one id.
        var values: [Substring] = []
        for line in footer(of: lines) {
            guard let (key, value) = trailer(in: line) else { continue }
            let found: Substring?
            switch key.lowercased() {
            case "change-id": found = value
            case "link": found = linkedKey(value)
            default: found = nil
            }
            if let found, !values.contains(found) { values.append(found) }
        }

        switch values.count {
        case 0:
            let elsewhere = lines.contains { $0.utf8.count >= 10 && $0.prefix(10).lowercased() == "change-id:" }
            return .failure(elsewhere ? .notInFooter : .missing)
        case 1:
            guard let key = ChangeKey(String(values[0])) else { return .failure(.invalidFormat) }
            return .success(key)
        default:
            return .failure(.multiple)
        }
    }

    /// The lines of the last paragraph, or none when the only paragraph is the subject's. Paragraphs are
    /// separated by lines that are empty or hold only whitespace; trailing blank lines do not count.
    private static func footer(of lines: [Substring]) -> ArraySlice<Substring> {
        guard let last = lines.lastIndex(where: { !isBlank($0) }) else { return [] }
        var start = last
        while start > 0, !isBlank(lines[start - 1]) { start -= 1 }
        guard lines[..<start].contains(where: { !isBlank($0) }) else { return [] }
        return lines[start...last]
    }

    /// Splits `Key: value` where the key is letters, digits and `-` (as git and JGit define a trailer key).
    /// Lines starting with whitespace are continuations of the previous trailer, not trailers.
    private static func trailer(in line: Substring) -> (key: Substring, value: Substring)? {
        guard let colon = line.firstIndex(of: ":") else { return nil }
        let key = line[..<colon]
        guard !key.isEmpty, key.unicodeScalars.allSatisfy({ $0.isASCII && isKeyScalar($0) }) else { return nil }
        return (key, trimmed(line[line.index(after: colon)...]))
    }

    /// `https://review.example.org/id/I0123…` → `I0123…`; anything else is an ordinary link.
    private static func linkedKey(_ value: Substring) -> Substring? {
        let url = value.hasSuffix("/") ? value.dropLast() : value
        let candidate = url.suffix(41)
        guard ChangeKey(String(candidate)) != nil, url.dropLast(41).hasSuffix("/id/") else { return nil }
        return candidate
    }

    private static func isKeyScalar(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "a"..."z", "A"..."Z", "0"..."9", "-": true
        default: false
        }
    }

    private static func isSpace(_ character: Character) -> Bool {
        character.asciiValue.map(ASCIIText.isSpace) ?? false
    }

    private static func isBlank(_ line: Substring) -> Bool { line.allSatisfy(isSpace) }

    private static func trimmed(_ text: Substring) -> Substring {
        guard let first = text.firstIndex(where: { !isSpace($0) }), let last = text.lastIndex(where: { !isSpace($0) })
        else { return text[text.endIndex...] }
        return text[first...last]
    }
}
