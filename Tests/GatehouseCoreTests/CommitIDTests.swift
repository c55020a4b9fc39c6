import GatehouseCore
import Testing

@Suite struct CommitIDTests {
    @Test("Accepts exactly 40 hex digits and lowercases them")
    func acceptsFullHashes() throws {
        let upper = "0123456789ABCDEF0123456789abcdef01234567"
        let commit = try #require(CommitID(upper))
        #expect(commit.hex == "0123456789abcdef0123456789abcdef01234567")
        #expect(commit.description == commit.hex)
        #expect(commit.abbreviated == "0123456")
        #expect(CommitID(upper) == CommitID(upper.lowercased()))
    }

    @Test("Rejects anything but 40 hex digits", arguments: [
        "", "0123456", String(repeating: "a", count: 39), String(repeating: "a", count: 41),
        String(repeating: "g", count: 40), " " + String(repeating: "a", count: 39),
        String(repeating: "a", count: 39) + "\n", String(repeating: "０", count: 40),
        String(repeating: "a", count: 64),
    ])
    func rejectsOtherStrings(text: String) {
        #expect(CommitID(text) == nil)
    }

    @Test("Zero is forty zeros")
    func zero() {
        #expect(CommitID.zero.hex == String(repeating: "0", count: 40))
        #expect(CommitID.zero == CommitID(String(repeating: "0", count: 40)))
        #expect(CommitID.zero.abbreviated == "0000000")
    }
}
