/// An instant in UTC with nanosecond precision, as Gerrit's JSON carries it.
///
/// Kept as one `Int64` of nanoseconds so it compares, hashes and stores trivially; the range is
/// 1677-09-21 to 2262-04-11, which covers any commit or review we will see. Formatting is done here by hand
/// because the core module may not depend on Foundation.
package struct Timestamp: Hashable, Comparable, Sendable {
    package let nanosecondsSinceEpoch: Int64

    private static let nanosPerSecond: Int64 = 1_000_000_000
    private static let secondsPerDay: Int64 = 86_400

    package init(nanosecondsSinceEpoch: Int64) {
        self.nanosecondsSinceEpoch = nanosecondsSinceEpoch
    }

    /// Traps outside the representable range (about ±292 years around 1970), like any Int64 overflow.
    package init(secondsSinceEpoch: Int64) {
        self.init(nanosecondsSinceEpoch: secondsSinceEpoch * Self.nanosPerSecond)
    }

    /// Whole seconds, rounded towards the past so that instants before 1970 land in the right second.
    package var secondsSinceEpoch: Int64 { Self.floorDivide(nanosecondsSinceEpoch, Self.nanosPerSecond) }

    package static func < (lhs: Timestamp, rhs: Timestamp) -> Bool {
        lhs.nanosecondsSinceEpoch < rhs.nanosecondsSinceEpoch
    }

    /// Gerrit's timestamp text: UTC, a space between date and time, exactly nine fractional digits,
    /// e.g. `2013-02-21 11:16:36.775000000`. Clients parse this fixed shape, so it never varies.
    package var gerritFormat: String {
        let seconds = secondsSinceEpoch
        // Not `nanoseconds - seconds * 1e9`: for the earliest instants that product is below Int64.min.
        let remainder = nanosecondsSinceEpoch % Self.nanosPerSecond
        let nanos = remainder < 0 ? remainder + Self.nanosPerSecond : remainder
        let days = Self.floorDivide(seconds, Self.secondsPerDay)
        let secondOfDay = seconds - days * Self.secondsPerDay
        let date = CivilDate(daysSinceEpoch: days)
        // Written into one buffer: a change search formats two of these per change, and building the text
        // from thirteen small strings was a twentieth of its CPU. The year always has four digits in range.
        return String(unsafeUninitializedCapacity: 29) { buffer in
            var index = 0
            func digits(_ value: Int64, _ width: Int) {
                var rest = value
                for position in stride(from: index + width - 1, through: index, by: -1) {
                    buffer[position] = UInt8(ascii: "0") + UInt8(rest % 10)
                    rest /= 10
                }
                index += width
            }
            func separator(_ character: Unicode.Scalar) {
                buffer[index] = UInt8(ascii: character)
                index += 1
            }
            digits(date.year, 4)
            separator("-")
            digits(date.month, 2)
            separator("-")
            digits(date.day, 2)
            separator(" ")
            digits(secondOfDay / 3600, 2)
            separator(":")
            digits(secondOfDay / 60 % 60, 2)
            separator(":")
            digits(secondOfDay % 60, 2)
            separator(".")
            digits(nanos, 9)
            return index
        }
    }

    /// Parses `YYYY-MM-DD HH:MM:SS` with an optional fraction of 1 to 9 digits, read as UTC.
    ///
    /// Shorter fractions are accepted because older Gerrit versions and hand-written JSON use them; anything
    /// else (other separators, time zones, impossible dates such as February 30) is refused.
    package init?(gerritFormat text: String) {
        let bytes = Array(text.utf8)
        guard bytes.count >= 19 else { return nil }
        func number(_ start: Int, _ length: Int) -> Int64? {
            var value: Int64 = 0
            for byte in bytes[start..<start + length] {
                guard ASCIIText.isDigit(byte) else { return nil }
                value = value * 10 + Int64(byte - UInt8(ascii: "0"))
            }
            return value
        }
        let separators: [(Int, Character)] = [(4, "-"), (7, "-"), (10, " "), (13, ":"), (16, ":")]
        guard separators.allSatisfy({ bytes[$0.0] == $0.1.asciiValue }),
            let year = number(0, 4), let month = number(5, 2), let day = number(8, 2),
            let hour = number(11, 2), let minute = number(14, 2), let second = number(17, 2),
            (1...12).contains(month), (1...CivilDate.daysIn(month: month, year: year)).contains(day),
            hour < 24, minute < 60, second < 60
        else { return nil }

        var nanos: Int64 = 0
        if bytes.count > 19 {
            let digits = bytes.count - 20
            guard bytes[19] == UInt8(ascii: "."), (1...9).contains(digits), let fraction = number(20, digits)
            else { return nil }
            nanos = fraction
            for _ in digits..<9 { nanos *= 10 }
        }

        let days = CivilDate(year: year, month: month, day: day).daysSinceEpoch
        let seconds = days * Self.secondsPerDay + hour * 3600 + minute * 60 + second
        // Before 1970 the whole seconds alone can already be below Int64.min (the earliest representable
        // instant is 1677-09-21 00:12:43.145224192), so count from the next second down instead.
        let (whole, overflow1) =
            seconds >= 0
            ? seconds.multipliedReportingOverflow(by: Self.nanosPerSecond)
            : (seconds + 1).multipliedReportingOverflow(by: Self.nanosPerSecond)
        let (total, overflow2) =
            seconds >= 0
            ? whole.addingReportingOverflow(nanos)
            : whole.subtractingReportingOverflow(Self.nanosPerSecond - nanos)
        guard !overflow1, !overflow2 else { return nil }
        self.init(nanosecondsSinceEpoch: total)
    }

    /// The instant `duration` later (earlier when negative).
    package func adding(_ duration: Duration) -> Timestamp {
        let (seconds, attoseconds) = duration.components
        return Timestamp(nanosecondsSinceEpoch: nanosecondsSinceEpoch + seconds * Self.nanosPerSecond + attoseconds / 1_000_000_000)
    }

    private static func floorDivide(_ a: Int64, _ b: Int64) -> Int64 {
        let quotient = a / b
        return (a % b != 0 && (a < 0) != (b < 0)) ? quotient - 1 : quotient
    }
}
