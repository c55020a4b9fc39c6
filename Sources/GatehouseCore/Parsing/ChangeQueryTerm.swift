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
            case "wip": return .workInProgress
            default:
                throw invalid(
                    "unsupported value \"\(value)\" for \"is\"; "
                        + "expected open, new, merged, abandoned, closed, owner or wip")
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
