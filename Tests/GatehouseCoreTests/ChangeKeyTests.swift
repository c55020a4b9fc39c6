import GatehouseCore
import Testing

@Suite struct ChangeKeyTests {
    static let hex = "8473b95934b5732ac55d26311a706c9c2bde9940"

    @Test("Accepts I followed by 40 lowercase hex digits")
    func acceptsValidKey() throws {
        let key = try #require(ChangeKey("I" + Self.hex))
        #expect(key.rawValue == "I" + Self.hex)
        #expect(key.description == "I" + Self.hex)
    }

    @Test("Rejects other forms without normalising them", arguments: [
        "", "I", Self.hex, "i" + Self.hex, "I" + Self.hex.uppercased(), "I" + Self.hex.dropLast(),
        "I" + Self.hex + "0", " I" + Self.hex, "I" + Self.hex + " ", "I" + Self.hex.dropLast() + "g", "I8473b9",
    ])
    func rejectsOtherForms(text: String) {
        #expect(ChangeKey(text) == nil)
    }

    @Test("Orders by raw value")
    func ordering() throws {
        let low = try #require(ChangeKey("I" + String(repeating: "0", count: 40)))
        let high = try #require(ChangeKey("I" + String(repeating: "f", count: 40)))
        #expect(low < high)
        #expect([high, low].sorted() == [low, high])
    }
}
