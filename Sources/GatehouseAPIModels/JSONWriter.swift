/// Compact JSON from `Encodable` values in one pass, straight into bytes, with object keys of dictionaries sorted.
///
/// Why not Foundation's `JSONEncoder`: it builds a tree of boxed values and then serialises the tree, which
/// made it an eighth of the server's CPU on the change detail route. Values that write themselves
/// (``JSONValueWritable``: the models of a change) take that path; the rest are plain structs whose synthesised
/// `encode(to:)` uses each container in order, so the text can be written as they go: a container is opened
/// when a value asks for it and closed when that value's `encode(to:)` returns. Dictionaries are written in
/// key order so the same data always gives the same bytes (as `.sortedKeys` did); struct fields keep their
/// declaration order, as Gerrit's own output does.
///
/// The output matches `JSONEncoder` with `.withoutEscapingSlashes` for the types the API uses: strings, integers,
/// booleans, doubles, optionals (omitted when nil, as synthesised code does), arrays, dictionaries with `String`
/// keys, and nested structs. `Date`, `Data` and `URL` get no special strategy.
package enum JSONWriter {
    /// Appends `value` as JSON to `bytes`.
    package static func write<T: Encodable>(_ value: T, into bytes: inout [UInt8]) throws {
        let writer = Writer(output: JSONOutput(bytes: bytes))
        bytes = []  // the writer holds the only reference, so appending does not copy
        try writer.value(value)
        writer.closeFrames(downTo: 0)
        bytes = writer.output.bytes
    }

    package static func encode<T: Encodable>(_ value: T) throws -> [UInt8] {
        var bytes: [UInt8] = []
        try write(value, into: &bytes)
        return bytes
    }
}

/// The output and the stack of open containers, shared by every container of one `write`.
private final class Writer: Encoder {
    var output: JSONOutput
    /// Open containers, innermost last; `true` once the container has an element (so the next needs a comma).
    private var frames: [(isObject: Bool, hasElements: Bool)] = []
    /// Set from the start of a value until it writes something or opens its container.
    private var pending = false

    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    init(output: JSONOutput) {
        self.output = output
    }

    // MARK: Values

    func value<T: Encodable>(_ value: T) throws {
        pending = true
        // Strings, numbers, booleans, and the models that write themselves.
        if let writable = value as? any JSONValueWritable {
            scalar(writable)
            return
        }
        if let dictionary = value as? any SortedJSONObject {
            try dictionary.writeSorted(to: self)
            return
        }
        let depth = frames.count
        try value.encode(to: self)
        if pending {  // encoded nothing at all: JSONEncoder writes an empty object
            pending = false
            output.bytes.append(contentsOf: [UInt8(ascii: "{"), UInt8(ascii: "}")])
        }
        closeFrames(downTo: depth)
    }

    /// A value written in one piece, as the value the encoder was waiting for.
    func scalar(_ value: some JSONValueWritable) {
        pending = false
        value.writeJSON(to: &output)
    }

    func null() {
        pending = false
        output.null()
    }

    // MARK: Containers

    /// Opens an object or array for the value being encoded, or, when that value asks for its container a
    /// second time, reuses the one it has.
    func open(object: Bool) -> Int {
        if pending {
            pending = false
            output.bytes.append(object ? UInt8(ascii: "{") : UInt8(ascii: "["))
            frames.append((object, false))
        }
        return frames.count
    }

    /// Before an element of the container at `depth`: closes anything nested in it that is still open, then
    /// writes the comma that separates it from the previous element.
    func beginElement(at depth: Int) {
        closeFrames(downTo: depth)
        if frames[depth - 1].hasElements { output.bytes.append(UInt8(ascii: ",")) }
        frames[depth - 1].hasElements = true
    }

    func key(_ key: String, at depth: Int) {
        beginElement(at: depth)
        output.string(key)
        output.bytes.append(UInt8(ascii: ":"))
    }

    func closeFrames(downTo depth: Int) {
        while frames.count > depth {
            output.bytes.append(frames.removeLast().isObject ? UInt8(ascii: "}") : UInt8(ascii: "]"))
        }
    }

    /// Marks that a container is about to be opened for a new value that did not come through `value(_:)`.
    func expectValue() { pending = true }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        KeyedEncodingContainer(ObjectContainer(writer: self, depth: open(object: true)))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        ArrayContainer(writer: self, depth: open(object: false))
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        SingleValue(writer: self)
    }
}

/// `[String: V]` of values that do not write themselves still writes its keys in order.
private protocol SortedJSONObject {
    func writeSorted(to writer: Writer) throws
}

extension Dictionary: SortedJSONObject where Key == String, Value: Encodable {
    fileprivate func writeSorted(to writer: Writer) throws {
        let depth = writer.open(object: true)
        for key in keys.sorted() {
            writer.key(key, at: depth)
            try writer.value(self[key]!)
        }
        writer.closeFrames(downTo: depth - 1)
    }
}

private struct ObjectContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let writer: Writer
    let depth: Int
    var codingPath: [any CodingKey] { [] }

    func encodeNil(forKey key: Key) throws {
        writer.key(key.stringValue, at: depth)
        writer.null()
    }

    func encode(_ value: String, forKey key: Key) throws {
        writer.key(key.stringValue, at: depth)
        writer.scalar(value)
    }

    func encode(_ value: Int, forKey key: Key) throws {
        writer.key(key.stringValue, at: depth)
        writer.scalar(value)
    }

    func encode(_ value: Bool, forKey key: Key) throws {
        writer.key(key.stringValue, at: depth)
        writer.scalar(value)
    }

    func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        writer.key(key.stringValue, at: depth)
        try writer.value(value)
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        writer.key(key.stringValue, at: depth)
        writer.expectValue()
        return writer.container(keyedBy: NestedKey.self)
    }

    func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        writer.key(key.stringValue, at: depth)
        writer.expectValue()
        return writer.unkeyedContainer()
    }

    func superEncoder() -> any Encoder { superEncoder(forKey: Key(stringValue: "super")!) }

    func superEncoder(forKey key: Key) -> any Encoder {
        writer.key(key.stringValue, at: depth)
        writer.expectValue()
        return writer
    }
}

private struct ArrayContainer: UnkeyedEncodingContainer {
    let writer: Writer
    let depth: Int
    private(set) var count = 0
    var codingPath: [any CodingKey] { [] }

    init(writer: Writer, depth: Int) {
        self.writer = writer
        self.depth = depth
    }

    mutating func encodeNil() throws {
        writer.beginElement(at: depth)
        writer.null()
        count += 1
    }

    mutating func encode<T: Encodable>(_ value: T) throws {
        writer.beginElement(at: depth)
        try writer.value(value)
        count += 1
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        writer.beginElement(at: depth)
        writer.expectValue()
        count += 1
        return writer.container(keyedBy: NestedKey.self)
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        writer.beginElement(at: depth)
        writer.expectValue()
        count += 1
        return writer.unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder {
        writer.beginElement(at: depth)
        writer.expectValue()
        count += 1
        return writer
    }
}

private struct SingleValue: SingleValueEncodingContainer {
    let writer: Writer
    var codingPath: [any CodingKey] { [] }

    func encodeNil() throws { writer.null() }
    func encode(_ value: String) throws { writer.scalar(value) }
    func encode(_ value: Int) throws { writer.scalar(value) }
    func encode(_ value: Bool) throws { writer.scalar(value) }
    func encode(_ value: Double) throws { writer.scalar(value) }
    func encode<T: Encodable>(_ value: T) throws { try writer.value(value) }
}
