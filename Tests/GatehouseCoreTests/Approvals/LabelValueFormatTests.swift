import GatehouseCore
import Testing

@Suite struct LabelValueFormatTests {
    @Test("Formats values the way Gerrit keys its values maps", arguments: [
        (-2, "-2"), (-1, "-1"), (0, " 0"), (1, "+1"), (2, "+2"), (10, "+10"), (-32768, "-32768"),
    ])
    func formatsValues(value: Int, text: String) {
        #expect(LabelDefinition.formatValue(value) == text)
    }

    @Test("Parses formatted keys and plain numbers", arguments: [
        ("+1", 1), ("1", 1), (" 0", 0), ("0", 0), ("-2", -2), ("+2", 2), ("-1", -1), ("+0", 0), ("-0", 0),
        ("  +2  ", 2), ("\t-1\n", -1), ("007", 7), ("123456789012345678", 123_456_789_012_345_678),
    ])
    func parsesValues(text: String, value: Int) {
        #expect(LabelDefinition.parseValue(text) == value)
    }

    @Test("Rejects text that is not a signed decimal number", arguments: [
        "", " ", "+", "-", "+-1", "--1", "++1", "1+", "+ 1", "1 2", "1.0", "one", "0x1", "٣", "１",
        "1234567890123456789", "+2 votes",
    ])
    func rejectsMalformedText(text: String) {
        #expect(LabelDefinition.parseValue(text) == nil)
    }

    @Test("Parsing a formatted value gives the value back", arguments: -10...10)
    func roundTrips(value: Int) {
        #expect(LabelDefinition.parseValue(LabelDefinition.formatValue(value)) == value)
    }
}
