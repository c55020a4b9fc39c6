/// A fragment of HTML that is safe to send: every piece of text that went into it was escaped.
///
/// Pages are written as string interpolations, `HTML("<a href=\"\(url)\">\(name)</a>")`: an interpolated
/// `String` (or number) is always escaped, for text and for double-quoted attribute values alike, and only
/// another `HTML` value goes in as it is. So user text (subjects, file names, comments, names) cannot open a
/// tag or leave an attribute, whatever it contains, and there is no "raw" door to forget to close.
///
/// Why not Plot or a template engine: Plot writes attribute values unescaped and passes `&name;` sequences in
/// text through as entities; a template engine moves the escaping decision into files the compiler cannot see.
package struct HTML: Sendable, Hashable, ExpressibleByStringInterpolation, CustomStringConvertible {
    package private(set) var rendered: String

    package init(stringLiteral literal: String) {
        rendered = literal
    }

    package init(stringInterpolation: Interpolation) {
        rendered = stringInterpolation.output
    }

    private init(rendered: String) {
        self.rendered = rendered
    }

    package static let empty = HTML(rendered: "")

    package var description: String { rendered }

    /// Fragments one after another.
    package static func join(_ parts: some Sequence<HTML>, separator: HTML = .empty) -> HTML {
        HTML(rendered: parts.map(\.rendered).joined(separator: separator.rendered))
    }

    package static func + (lhs: HTML, rhs: HTML) -> HTML {
        HTML(rendered: lhs.rendered + rhs.rendered)
    }

    package static func += (lhs: inout HTML, rhs: HTML) {
        lhs.rendered += rhs.rendered
    }

    /// Text with its `http://` and `https://` URLs made links (build logs in the gate's messages); everything
    /// escaped, and no other scheme ever becomes a link.
    package static func linkified(_ text: String) -> HTML {
        var output = HTML.empty
        var rest = Substring(text)
        while let start = rest.firstRange(of: "http://").map(\.lowerBound).map({ first in
            rest.firstRange(of: "https://").map { min($0.lowerBound, first) } ?? first
        }) ?? rest.firstRange(of: "https://")?.lowerBound {
            output += "\(rest[..<start])"
            let end = rest[start...].firstIndex { $0.isWhitespace || "<>\"'".contains($0) } ?? rest.endIndex
            var url = rest[start..<end]
            while let last = url.last, ".,;:)]".contains(last) { url = url.dropLast() }
            output += "<a href=\"\(url)\">\(url)</a>"
            rest = rest[url.endIndex...]
        }
        return output + "\(rest)"
    }

    /// `&`, `<`, `>`, `"` and `'` as entities: enough for text and for quoted attribute values.
    package static func escape(_ text: String) -> String {
        var output = ""
        escape(text, into: &output)
        return output
    }

    /// Appends `text` escaped; text without anything to escape (most of a diff) is appended in one piece.
    static func escape(_ text: String, into output: inout String) {
        guard text.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 || $0 == 0 }) else {
            output += text
            return
        }
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": output += "&amp;"
            case "<": output += "&lt;"
            case ">": output += "&gt;"
            case "\"": output += "&quot;"
            case "'": output += "&#39;"
            case "\u{0}": output += "\u{FFFD}"
            default: output.unicodeScalars.append(scalar)
            }
        }
    }

    package struct Interpolation: StringInterpolationProtocol {
        var output = ""

        package init(literalCapacity: Int, interpolationCount: Int) {
            output.reserveCapacity(literalCapacity + interpolationCount * 16)
        }

        package mutating func appendLiteral(_ literal: String) {
            output += literal
        }

        package mutating func appendInterpolation(_ text: String) {
            HTML.escape(text, into: &output)
        }

        package mutating func appendInterpolation(_ text: Substring) {
            HTML.escape(String(text), into: &output)
        }

        package mutating func appendInterpolation(_ number: Int) {
            output += String(number)
        }

        package mutating func appendInterpolation(_ html: HTML) {
            output += html.rendered
        }

        package mutating func appendInterpolation(_ parts: [HTML]) {
            for part in parts { output += part.rendered }
        }

        /// `\(url)` for a link built by ``SiteURL``.
        package mutating func appendInterpolation(_ url: SiteURL) {
            HTML.escape(url.path, into: &output)
        }
    }
}
