/// Percent-encoding as used in URLs and in Gerrit's `refs/for/<branch>%<options>` push syntax.
///
/// Written over bytes rather than characters: an escape denotes one UTF-8 byte, and a multi-byte character is
/// only valid once all of its escapes have been decoded.
package enum PercentEncoding {
    /// Decodes `%XX` escapes (either hex case) and, when `plusAsSpace` is set, `+` as a space — the form
    /// HTML forms and Python's `quote_plus` produce, which git-review and python-gerrit-api send.
    ///
    /// Returns nil when a `%` is not followed by two hex digits or the decoded bytes are not valid UTF-8, so a
    /// caller can refuse the input instead of acting on a guess.
    package static func decode(_ s: Substring, plusAsSpace: Bool) -> String? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(s.utf8.count)
        var iterator = s.utf8.makeIterator()
        while let byte = iterator.next() {
            switch byte {
            case UInt8(ascii: "%"):
                guard let high = iterator.next().flatMap(ASCIIText.hexValue),
                    let low = iterator.next().flatMap(ASCIIText.hexValue)
                else { return nil }
                bytes.append(high << 4 | low)
            case UInt8(ascii: "+") where plusAsSpace:
                bytes.append(UInt8(ascii: " "))
            default:
                bytes.append(byte)
            }
        }
        return String(validating: bytes, as: UTF8.self)
    }

    /// Encodes every byte except the RFC 3986 unreserved set (`A-Z a-z 0-9 - . _ ~`), with uppercase hex.
    ///
    /// This is stricter than a path encoder on purpose: the result is safe as one path segment (`/` becomes
    /// `%2F`) and as a query value alike.
    package static func encodeComponent(_ s: String) -> String {
        var result = ""
        result.reserveCapacity(s.utf8.count)
        for byte in s.utf8 {
            if isUnreserved(byte) {
                result.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                result.unicodeScalars.append("%")
                result.unicodeScalars.append(hexDigit(byte >> 4))
                result.unicodeScalars.append(hexDigit(byte & 0x0F))
            }
        }
        return result
    }

    private static func isUnreserved(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
            UInt8(ascii: "~"):
            true
        default: false
        }
    }

    private static func hexDigit(_ nibble: UInt8) -> Unicode.Scalar {
        Unicode.Scalar(nibble < 10 ? UInt8(ascii: "0") + nibble : UInt8(ascii: "A") + nibble - 10)
    }
}
