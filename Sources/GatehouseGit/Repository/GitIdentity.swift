package import GatehouseCore

/// A name, e-mail and time as git writes them into commits (`Jane <jane@example.com> 1700000000 +0100`).
package struct GitIdentity: Hashable, Sendable {
    package let name: String
    package let email: String
    package let time: Timestamp
    /// Minutes east of UTC, as Gerrit's GitPersonInfo `tz`.
    package let timeZoneOffsetMinutes: Int

    package init(name: String, email: String, time: Timestamp, timeZoneOffsetMinutes: Int = 0) {
        self.name = name
        self.email = email
        self.time = time
        self.timeZoneOffsetMinutes = timeZoneOffsetMinutes
    }

    /// Parses the part after `author ` / `committer ` in a commit header.
    package init?(header: Substring) {
        guard let open = header.lastIndex(of: "<"), let close = header.lastIndex(of: ">"), open < close else { return nil }
        let name = header[..<open].trimmingTrailingSpace
        let email = header[header.index(after: open)..<close]
        let rest = header[header.index(after: close)...].split(separator: " ")
        guard rest.count == 2, let seconds = Int64(rest[0]), rest[1].count == 5 else { return nil }
        let sign = rest[1].first == "-" ? -1 : 1
        guard let hhmm = Int(rest[1].dropFirst()) else { return nil }
        self.init(
            name: String(name), email: String(email), time: Timestamp(secondsSinceEpoch: seconds),
            timeZoneOffsetMinutes: sign * ((hhmm / 100) * 60 + hhmm % 100)
        )
    }

    /// The environment variables that make git write this identity as author and committer.
    package var environment: [String: String] {
        let date = "@\(time.secondsSinceEpoch) +0000"
        return [
            "GIT_AUTHOR_NAME": name, "GIT_AUTHOR_EMAIL": email, "GIT_AUTHOR_DATE": date,
            "GIT_COMMITTER_NAME": name, "GIT_COMMITTER_EMAIL": email, "GIT_COMMITTER_DATE": date,
        ]
    }
}

extension Substring {
    fileprivate var trimmingTrailingSpace: Substring {
        var s = self
        while s.last == " " { s.removeLast() }
        return s
    }
}
