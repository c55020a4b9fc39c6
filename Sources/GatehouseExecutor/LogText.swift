/// How sizes and durations read in a build log: short, and the same in every log.
enum LogText {
    /// `10 MiB`, `64 KiB`, or `1000 bytes`: the limit as an administrator would have written it.
    static func size(_ bytes: Int) -> String {
        if bytes >= 1 << 20, bytes % (1 << 20) == 0 { return "\(bytes >> 20) MiB" }
        if bytes >= 1 << 10, bytes % (1 << 10) == 0 { return "\(bytes >> 10) KiB" }
        return bytes == 1 ? "1 byte" : "\(bytes) bytes"
    }

    /// A measured time: `1.23 s` below a minute, `12 m 5 s` above.
    static func elapsed(_ duration: Duration) -> String {
        let (seconds, attoseconds) = duration.components
        if seconds >= 60 {
            return seconds % 60 == 0 ? "\(seconds / 60) m" : "\(seconds / 60) m \(seconds % 60) s"
        }
        let hundredths = seconds * 100 + attoseconds / 10_000_000_000_000_000
        let fraction = hundredths % 100
        return "\(hundredths / 100).\(fraction < 10 ? "0" : "")\(fraction) s"
    }

    /// A configured limit: `20 m`, `1 h`, `90 s`, as it was most likely set.
    static func limit(_ duration: Duration) -> String {
        let (seconds, attoseconds) = duration.components
        guard attoseconds == 0 else { return elapsed(duration) }
        if seconds > 0, seconds % 3600 == 0 { return "\(seconds / 3600) h" }
        if seconds > 0, seconds % 60 == 0 { return "\(seconds / 60) m" }
        return "\(seconds) s"
    }
}
