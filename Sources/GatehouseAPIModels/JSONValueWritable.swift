/// A value that writes its own JSON, without `Encoder`: the models of a change and what they hold.
///
/// `Codable`'s generic containers cost a type lookup and a dynamic dispatch per field; on the change search
/// and change detail routes that was a fifth of the server's CPU. A model conforms by listing its fields in
/// `writeJSON(to:)` with its own `CodingKeys` (next to them, in its file), so the names are still written once;
/// the tests hold both paths to Foundation's output.
package protocol JSONValueWritable {
    func writeJSON(to output: inout JSONOutput)
}

extension String: JSONValueWritable {
    package func writeJSON(to output: inout JSONOutput) { output.string(self) }
}

extension Int: JSONValueWritable {
    package func writeJSON(to output: inout JSONOutput) { output.integer(self) }
}

extension Bool: JSONValueWritable {
    package func writeJSON(to output: inout JSONOutput) { output.boolean(self) }
}

extension Double: JSONValueWritable {
    package func writeJSON(to output: inout JSONOutput) { output.number(self) }
}

extension Array: JSONValueWritable where Element: JSONValueWritable {
    package func writeJSON(to output: inout JSONOutput) { output.array(self) }
}

/// Objects keyed by string, written in key order so the same data always gives the same bytes.
extension Dictionary: JSONValueWritable where Key == String, Value: JSONValueWritable {
    package func writeJSON(to output: inout JSONOutput) {
        output.beginObject()
        for (key, value) in sorted(by: { $0.key < $1.key }) { output.field(key, value) }
        output.endObject()
    }
}
