/// ASCII byte rules shared by the identifier and parsing code.
///
/// Everything here is defined on ASCII bytes on purpose: `Character.isHexDigit` and friends also accept
/// full-width and other Unicode digits, which must never pass as part of a SHA-1 or a Change-Id.
enum ASCIIText {
    /// `0-9`, `a-f` or `A-F`.
    static func isHexDigit(_ byte: UInt8) -> Bool {
        isDigit(byte) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(byte)
            || (UInt8(ascii: "A")...UInt8(ascii: "F")).contains(byte)
    }

    /// `0-9` or `a-f`, the only hex digits git itself prints.
    static func isLowercaseHexDigit(_ byte: UInt8) -> Bool {
        isDigit(byte) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(byte)
    }

    /// `0-9`.
    static func isDigit(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }

    /// The bytes C's `isspace` accepts in the C locale, which is what git uses to call a line blank.
    static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || (0x09...0x0D).contains(byte)
    }

    /// The value of one hex digit, or nil.
    static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }

    /// A positive decimal number written with ASCII digits only: no sign, no spaces, no overflow.
    ///
    /// `Int(_:)` would also accept `+5` and `-0`, which are not how anyone writes a change number.
    static func positiveDecimal(_ text: Substring) -> Int? {
        guard !text.isEmpty, text.utf8.allSatisfy(isDigit), let value = Int(text), value > 0 else { return nil }
        return value
    }
}
