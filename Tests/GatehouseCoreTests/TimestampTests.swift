import GatehouseCore
import Testing

@Suite struct TimestampTests {
    /// Instants checked against `date -u -d … +%s`.
    static let knownInstants: [(Int64, String)] = [
        (0, "1970-01-01 00:00:00.000000000"),
        (1_361_445_396_775_000_000, "2013-02-21 11:16:36.775000000"),
        (1_709_210_096_000_000_001, "2024-02-29 12:34:56.000000001"),
        (951_782_400_000_000_000, "2000-02-29 00:00:00.000000000"),
        (4_107_542_399_999_999_999, "2100-02-28 23:59:59.999999999"),
        (4_107_542_400_000_000_000, "2100-03-01 00:00:00.000000000"),
        (-1, "1969-12-31 23:59:59.999999999"),
        (-1_000_000_000, "1969-12-31 23:59:59.000000000"),
        (-2_208_988_800_000_000_000, "1900-01-01 00:00:00.000000000"),
        (-2_208_988_799_500_000_000, "1900-01-01 00:00:00.500000000"),
        (Int64.min, "1677-09-21 00:12:43.145224192"),
        (Int64.max, "2262-04-11 23:47:16.854775807"),
    ]

    @Test("Formats known instants the way Gerrit does", arguments: knownInstants)
    func formatsKnownInstants(nanoseconds: Int64, text: String) {
        #expect(Timestamp(nanosecondsSinceEpoch: nanoseconds).gerritFormat == text)
    }

    @Test("Parses what it formats back to the same instant", arguments: knownInstants)
    func parsesKnownInstants(nanoseconds: Int64, text: String) {
        #expect(Timestamp(gerritFormat: text) == Timestamp(nanosecondsSinceEpoch: nanoseconds))
    }

    @Test("Round-trips every day over four centuries around the epoch")
    func roundTripsManyDays() {
        // Every 7th day from 1801 to 2199, at a time of day that changes with the date.
        var day: Int64 = -61_000
        while day < 84_000 {
            let nanos = day * 86_400_000_000_000 + (day & 0xFFFF) * 1_234_567_891
            let stamp = Timestamp(nanosecondsSinceEpoch: nanos)
            #expect(Timestamp(gerritFormat: stamp.gerritFormat) == stamp)
            day += 7
        }
    }

    @Test("Converts seconds, flooring instants before the epoch", arguments: [
        (Int64(0), Int64(0)), (999_999_999, 0), (1_000_000_000, 1), (-1, -1), (-999_999_999, -1),
        (-1_000_000_000, -1), (-1_000_000_001, -2), (1_361_445_396_775_000_000, 1_361_445_396),
    ])
    func secondsSinceEpoch(nanoseconds: Int64, seconds: Int64) {
        #expect(Timestamp(nanosecondsSinceEpoch: nanoseconds).secondsSinceEpoch == seconds)
    }

    @Test("Builds from whole seconds")
    func fromSeconds() {
        let stamp = Timestamp(secondsSinceEpoch: 1_361_445_396)
        #expect(stamp.nanosecondsSinceEpoch == 1_361_445_396_000_000_000)
        #expect(stamp.gerritFormat == "2013-02-21 11:16:36.000000000")
        #expect(Timestamp(secondsSinceEpoch: -1).gerritFormat == "1969-12-31 23:59:59.000000000")
    }

    @Test("Accepts shorter fractions and none", arguments: [
        ("2013-02-21 11:16:36", Int64(1_361_445_396_000_000_000)),
        ("2013-02-21 11:16:36.7", 1_361_445_396_700_000_000),
        ("2013-02-21 11:16:36.775", 1_361_445_396_775_000_000),
        ("2013-02-21 11:16:36.000000001", 1_361_445_396_000_000_001),
    ])
    func parsesShortFractions(text: String, nanoseconds: Int64) {
        #expect(Timestamp(gerritFormat: text)?.nanosecondsSinceEpoch == nanoseconds)
    }

    @Test("Rejects malformed or impossible times", arguments: [
        "", "2013-02-21", "2013-02-21T11:16:36.775000000", "2013-02-21 11:16:36.", "2013-02-21 11:16:36.1234567890",
        "2013-02-21 11:16:36.775000000Z", "2013-02-21 11:16:36,775", "2013-2-21 11:16:36", "2013-02-21 24:00:00",
        "2013-02-21 11:60:00", "2013-02-21 11:16:60", "2013-13-01 00:00:00", "2013-00-01 00:00:00",
        "2013-02-29 00:00:00", "2100-02-29 00:00:00", "2013-04-31 00:00:00", "2013-02-00 00:00:00",
        " 2013-02-21 11:16:36", "2013-02-21 11:16:36 ", "+013-02-21 11:16:36", "2013-02-21 11:16:3x",
        "2262-04-11 23:47:17.000000000", "1677-09-21 00:12:43.145224191", "9999-12-31 23:59:59",
    ])
    func rejectsMalformedText(text: String) {
        #expect(Timestamp(gerritFormat: text) == nil)
    }

    @Test("Accepts leap days in leap years only", arguments: [
        ("2000-02-29 00:00:00", true), ("2024-02-29 00:00:00", true), ("1600-02-29 00:00:00", false),
        ("1900-02-29 00:00:00", false), ("2023-02-29 00:00:00", false), ("1972-02-29 00:00:00", true),
    ])
    func leapDays(text: String, valid: Bool) {
        // 1600 is a leap year but lies outside the representable range.
        #expect((Timestamp(gerritFormat: text) != nil) == valid)
    }

    @Test("Orders by instant")
    func ordering() {
        let early = Timestamp(nanosecondsSinceEpoch: -5)
        let late = Timestamp(nanosecondsSinceEpoch: 5)
        #expect(early < late)
        #expect([late, early].sorted() == [early, late])
    }
}
