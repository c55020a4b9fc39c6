/// Turns one search term — `op:value` or a bare value — into a `ChangeQuery` leaf.
///
/// Unknown operators and values are errors rather than "matches nothing": a typo such as `stauts:open`
/// silently returning no changes is far harder to notice than a message pointing at it.
enum ChangeQueryTerm {
    static func `operator`(
        _ op: String, at opPosition: Int, value: String, at position: Int
    ) throws(QuerySyntaxError) -> ChangeQuery {
        func invalid(_ message: String) -> QuerySyntaxError { QuerySyntaxError(position: position, message: message) }
        switch op.lowercased() {
        case "status":
            guard let status = status(value) else {
                throw invalid("invalid status \"\(value)\"; expected open, new, merged, abandoned or closed")
            }
            return .status(status)
        case "is":
            if let status = status(value) { return .status(status) }
            switch value.lowercased() {
            case "owner": return .owner(.current)
            case "reviewer": return .reviewer(.current)
            case "wip": return .workInProgress
            case "mergeable": return .mergeable
            case "starred", "watched": return .starred
            case "submittable": return .submittable
            default:
                throw invalid(
                    "unsupported value \"\(value)\" for \"is\"; expected open, new, merged, abandoned, closed, owner, "
                        + "reviewer, wip, mergeable, submittable, starred or watched")
            }
        case "project":
            return .project(value)
        case "projects":
            return .projectPrefix(value)
        case "branch":
            let branch = value.hasPrefix("refs/heads/") ? String(value.dropFirst("refs/heads/".count)) : value
            guard !branch.isEmpty else { throw invalid("missing branch name after \"refs/heads/\"") }
            return .branch(branch)
        case "topic":
            return .topic(value)
        case "hashtag":
            // Hashtags are stored without their `#`, as on push, so `hashtag:#x` and `hashtag:x` agree.
            let hashtag = String(value.drop { $0 == "#" })
            guard !hashtag.isEmpty else { throw invalid("missing hashtag after \"#\"") }
            return .hashtag(hashtag)
        case "owner":
            return .owner(value.lowercased() == "self" ? .current : .named(value))
        case "change":
            if let number = ASCIIText.positiveDecimal(value[...]) { return .changeNumber(number) }
            if let key = changeKeyPrefix(value) { return .changeKey(key) }
            throw invalid("invalid change \"\(value)\"; expected a change number or a Change-Id")
        case "commit":
            guard (4...40).contains(value.utf8.count), value.utf8.allSatisfy(ASCIIText.isHexDigit) else {
                throw invalid("invalid commit \"\(value)\"; expected 4 to 40 hex digits")
            }
            return .commit(value.lowercased())
        case "reviewer":
            return .reviewer(value.lowercased() == "self" ? .current : .named(value))
        case "label":
            guard let (name, range) = labelTerm(value) else {
                throw invalid("invalid label term \"\(value)\"; expected e.g. Code-Review=+2, Verified>=1 or Code-Review-2")
            }
            return .label(name: name, range: range)
        case "age":
            guard let seconds = age(value) else { throw invalid("invalid age \"\(value)\"; expected a number and a unit: s, m, h, d, w, mon, y") }
            return .age(seconds: seconds)
        case "conflicts":
            guard let number = ASCIIText.positiveDecimal(value[...]) else { throw invalid("invalid change \"\(value)\" for \"conflicts\"") }
            return .conflicts(number)
        case "limit":
            guard let limit = ASCIIText.positiveDecimal(value[...]) else {
                throw invalid("invalid limit \"\(value)\"; expected a positive number")
            }
            return .limit(limit)
        default:
            throw QuerySyntaxError(position: opPosition, message: "unsupported operator \"\(op)\"")
        }
    }

    /// A term without an operator: a change number, a Change-Id (or prefix), or a commit SHA-1 (or prefix).
    /// Anything else would be full-text search in Gerrit, which Gatehouse does not offer.
    static func bare(_ value: String, at position: Int, quoted: Bool) throws(QuerySyntaxError) -> ChangeQuery {
        if !quoted {
            let bytes = value.utf8
            // A leading zero marks hex, as in Gerrit: `0123456` is an abbreviated commit, not change 123456.
            if bytes.first != UInt8(ascii: "0"), let number = ASCIIText.positiveDecimal(value[...]) {
                return .changeNumber(number)
            }
            if let key = changeKeyPrefix(value) { return .changeKey(key) }
            if (7...40).contains(bytes.count), bytes.allSatisfy(ASCIIText.isHexDigit) {
                return .commit(value.lowercased())
            }
            if bytes.allSatisfy(ASCIIText.isDigit) {
                throw QuerySyntaxError(position: position, message: "invalid change number \"\(value)\"")
            }
        }
        throw QuerySyntaxError(position: position, message: "unsupported search term \"\(value)\"")
    }

    /// `NAME=V`, `NAME>=V`, `NAME<=V`, `NAME>V`, `NAME<V` or `NAME±V`, where V is a signed number.
    private static func labelTerm(_ value: String) -> (String, ClosedRange<Int>)? {
        let chars = Array(value)
        guard let split = chars.firstIndex(where: { "=<>".contains($0) }) ?? chars.dropFirst().lastIndex(where: { $0 == "+" || $0 == "-" })
        else { return nil }
        let name = String(chars[..<split])
        guard !name.isEmpty, name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }) else { return nil }
        var rest = String(chars[split...])
        var comparison = "="
        for candidate in [">=", "<=", "=", ">", "<"] where rest.hasPrefix(candidate) {
            comparison = candidate
            rest.removeFirst(candidate.count)
            break
        }
        guard let number = Int(rest.hasPrefix("+") ? String(rest.dropFirst()) : rest) else { return nil }
        switch comparison {
        case ">=": return (name, number...Int.max)
        case "<=": return (name, Int.min...number)
        case ">": return number == Int.max ? nil : (name, (number + 1)...Int.max)
        case "<": return number == Int.min ? nil : (name, Int.min...(number - 1))
        default: return (name, number...number)
        }
    }

    /// `30s`, `5m`, `2h`, `3d`, `1w`, `2mon`, `1y` in seconds.
    private static func age(_ value: String) -> Int64? {
        let digits = value.prefix { $0.isASCII && $0.isNumber }
        guard let amount = Int64(digits), amount >= 0 else { return nil }
        let unit: Int64? =
            switch value.dropFirst(digits.count).lowercased() {
            case "s", "sec", "second", "seconds": 1
            case "m", "min", "minute", "minutes": 60
            case "h", "hr", "hour", "hours": 3_600
            case "d", "day", "days": 86_400
            case "w", "week", "weeks": 604_800
            case "mon", "month", "months": 2_592_000
            case "y", "year", "years": 31_536_000
            default: nil
            }
        guard let unit else { return nil }
        let (seconds, overflow) = amount.multipliedReportingOverflow(by: unit)
        return overflow ? nil : seconds
    }

    private static func status(_ value: String) -> ChangeStatusFilter? {
        switch value.lowercased() {
        case "open", "new": .open
        case "merged": .merged
        case "abandoned": .abandoned
        case "closed": .closed
        default: nil
        }
    }

    /// `I` followed by 2 to 40 hex digits, returned with the hex lowercased as Change-Ids are written.
    private static func changeKeyPrefix(_ value: String) -> String? {
        let bytes = value.utf8
        guard bytes.first == UInt8(ascii: "I"), (3...41).contains(bytes.count),
            bytes.dropFirst().allSatisfy(ASCIIText.isHexDigit)
        else { return nil }
        return "I" + value.dropFirst().lowercased()
    }
}
