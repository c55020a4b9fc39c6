/// JSON text being written: the bytes, and whether the next field of the object being written needs a comma.
///
/// The models on the hot paths (a change and what it contains) write themselves through this, field by field,
/// with every call resolved at compile time; see ``JSONValueWritable``. ``JSONWriter`` uses it for everything
/// else, so both write strings and numbers the same way.
package struct JSONOutput {
    package var bytes: [UInt8]
    private var needsComma = false

    package init(bytes: [UInt8] = []) {
        self.bytes = bytes
    }

    // MARK: Objects

    package mutating func beginObject() {
        bytes.append(UInt8(ascii: "{"))
        needsComma = false
    }

    package mutating func endObject() {
        bytes.append(UInt8(ascii: "}"))
        needsComma = true
    }

    /// One field of the object being written; its key is the model's own `CodingKeys` case, so the names
    /// stay in one place.
    package mutating func field(_ key: some CodingKey, _ value: some JSONValueWritable) {
        field(key.stringValue, value)
    }

    /// A field that is left out when nil, as synthesised `Codable` leaves it out.
    package mutating func field(_ key: some CodingKey, _ value: (some JSONValueWritable)?) {
        if let value { field(key.stringValue, value) }
    }

    package mutating func field(_ key: String, _ value: some JSONValueWritable) {
        if needsComma { bytes.append(UInt8(ascii: ",")) }
        string(key)
        bytes.append(UInt8(ascii: ":"))
        value.writeJSON(to: &self)
        needsComma = true
    }

    // MARK: Arrays

    package mutating func array<Elements: Sequence>(_ elements: Elements) where Elements.Element: JSONValueWritable {
        bytes.append(UInt8(ascii: "["))
        var first = true
        for element in elements {
            if !first { bytes.append(UInt8(ascii: ",")) }
            first = false
            element.writeJSON(to: &self)
        }
        bytes.append(UInt8(ascii: "]"))
        needsComma = true
    }

    // MARK: Scalars

    package mutating func integer(_ value: Int) {
        bytes.append(contentsOf: String(value).utf8)
    }

    package mutating func boolean(_ value: Bool) {
        bytes.append(contentsOf: (value ? "true" : "false").utf8)
    }

    package mutating func null() {
        bytes.append(contentsOf: "null".utf8)
    }

    /// Whole numbers without a fraction (`3`, not `3.0`), as `JSONEncoder` writes them; JSON has no NaN or
    /// infinity, so those become null rather than invalid text.
    package mutating func number(_ value: Double) {
        guard value.isFinite else { return null() }
        if value == value.rounded(), abs(value) < 1e15 {
            bytes.append(contentsOf: String(Int64(value)).utf8)
        } else {
            bytes.append(contentsOf: String(value).utf8)
        }
    }

    /// A JSON string, escaped as JSON requires and no further: `/` and non-ASCII stay as they are, as with
    /// `JSONEncoder`'s `.withoutEscapingSlashes`.
    package mutating func string(_ value: String) {
        bytes.append(UInt8(ascii: "\""))
        var value = value
        value.withUTF8 { utf8 in
            // Runs of bytes that need no escape (nearly all of them) are copied at once.
            var start = 0
            for index in utf8.indices {
                let byte = utf8[index]
                guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<index]))
                escape(byte)
                start = index + 1
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start...]))
        }
        bytes.append(UInt8(ascii: "\""))
    }

    private mutating func escape(_ byte: UInt8) {
        let short: UInt8? =
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"): byte
            case 0x0A: UInt8(ascii: "n")
            case 0x0D: UInt8(ascii: "r")
            case 0x09: UInt8(ascii: "t")
            case 0x08: UInt8(ascii: "b")
            case 0x0C: UInt8(ascii: "f")
            default: nil
            }
        bytes.append(UInt8(ascii: "\\"))
        if let short {
            bytes.append(short)
        } else {
            let hex = Array("0123456789abcdef".utf8)
            bytes.append(contentsOf: [UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"), hex[Int(byte >> 4)], hex[Int(byte & 0xF)]])
        }
    }
}
