/// A push that asks for review: `refs/for/<branch>[%option,…]`, plus any `git push -o` options.
///
/// Gerrit's magic branch is the only way changes enter review, and its option syntax is what git-review and
/// people's muscle memory produce. Options that Gerrit has but Gatehouse deliberately lacks (submitting or
/// voting on push, private changes) are refused with a reason rather than ignored, so nobody believes a push
/// did something it did not.
package struct ReviewPushTarget: Equatable, Sendable {
    package let branch: BranchName
    package let options: PushOptions

    package init(branch: BranchName, options: PushOptions) {
        self.branch = branch
        self.options = options
    }

    private static let magicPrefix = "refs/for/"

    /// Returns nil when `refName` is not a review push (it does not start with `refs/for/`), and throws when
    /// it is one but is malformed.
    ///
    /// Options in the ref name are split on `,` and then percent-decoded with `+` as a space (git-review sends
    /// `m=hello+world%2C+ok`). `pushOptions` are the `git push -o` strings, one option each, taken literally
    /// because git transmits them verbatim. Ref options are applied first, then push options.
    package static func parse(refName: String, pushOptions: [String]) throws(ValidationError) -> ReviewPushTarget? {
        guard refName.hasPrefix(magicPrefix) else { return nil }
        let target = refName.dropFirst(magicPrefix.count)
        // Like Gerrit, the first `%` starts the options, even though git would allow `%` in a branch name.
        let percent = target.firstIndex(of: "%")
        let branchText = target[..<(percent ?? target.endIndex)]
        guard !branchText.isEmpty, branchText != "refs/heads/" else {
            throw ValidationError("missing branch name: push to refs/for/<branch>")
        }
        let branch = try BranchName(String(branchText))

        var builder = Builder()
        if let percent {
            for item in target[target.index(after: percent)...].split(separator: ",") {
                try builder.apply(item, decode: true)
            }
        }
        for option in pushOptions {
            try builder.apply(option[...], decode: false)
        }
        return ReviewPushTarget(branch: branch, options: builder.options)
    }

    /// Applies options one at a time, so conflicts (`wip` with `ready`) can be detected across both sources.
    private struct Builder {
        var options = PushOptions()

        mutating func apply(_ item: Substring, decode: Bool) throws(ValidationError) {
            let equals = item.firstIndex(of: "=")
            let name = String(item[..<(equals ?? item.endIndex)])
            var value: String?
            if let equals {
                let raw = item[item.index(after: equals)...]
                if decode {
                    guard let decoded = PercentEncoding.decode(raw, plusAsSpace: true) else {
                        throw ValidationError("invalid percent-encoding in push option \"\(item)\"")
                    }
                    value = decoded
                } else {
                    value = String(raw)
                }
            }

            switch name {
            case "topic":
                options.topic = try trimmed(required(name, value))
            case "t", "hashtag":
                let hashtag = try cleanHashtag(required(name, value))
                if !options.hashtags.contains(hashtag) { options.hashtags.append(hashtag) }
            case "r":
                append(try trimmed(required(name, value)), to: &options.reviewers)
            case "cc":
                append(try trimmed(required(name, value)), to: &options.ccs)
            case "m", "message":
                options.message = try required(name, value)
            case "wip", "work-in-progress":
                try flag(name, value)
                try setWorkInProgress(true)
            case "ready":
                try flag(name, value)
                try setWorkInProgress(false)
            case "notify":
                let level = try required(name, value).uppercased()
                guard PushOptions.notifyValues.contains(level) else {
                    let levels = PushOptions.notifyValues.joined(separator: ", ")
                    throw ValidationError("\"notify=\(value ?? "")\" is not valid; use one of \(levels)")
                }
                options.notify = level
            case "submit":
                throw ValidationError("\"submit\" is not supported: changes merge only through the gate")
            case "private", "remove-private":
                throw ValidationError("\"\(name)\" is not supported: Gatehouse has no private changes")
            case "l", "label":
                throw ValidationError("voting on push (l=) is not supported yet; vote on the change instead")
            case "base":
                throw ValidationError("\"base\" is not supported: the parent of the pushed commit is its base")
            default:
                throw ValidationError("\"\(name)\" is not a valid option")
            }
        }

        private mutating func setWorkInProgress(_ wip: Bool) throws(ValidationError) {
            if let current = options.workInProgress, current != wip {
                throw ValidationError("\"wip\" and \"ready\" cannot be used together")
            }
            options.workInProgress = wip
        }

        private func required(_ name: String, _ value: String?) throws(ValidationError) -> String {
            guard let value else { throw ValidationError("\"\(name)\" requires a value: \(name)=…") }
            guard !value.allSatisfy(\.isWhitespace) else {
                throw ValidationError("\"\(name)\" requires a non-empty value")
            }
            return value
        }

        private func flag(_ name: String, _ value: String?) throws(ValidationError) {
            if value != nil { throw ValidationError("\"\(name)\" does not take a value") }
        }

        /// Gerrit stores hashtags without leading `#` or surrounding whitespace, and a comma would be
        /// ambiguous in the comma-separated lists hashtags travel in.
        private func cleanHashtag(_ raw: String) throws(ValidationError) -> String {
            var tag = Substring(raw)
            while let first = tag.first, first == "#" || first.isWhitespace { tag.removeFirst() }
            while let last = tag.last, last.isWhitespace { tag.removeLast() }
            guard !tag.isEmpty else { throw ValidationError("hashtag \"\(raw)\" is empty") }
            guard !tag.contains(",") else { throw ValidationError("hashtag \"\(tag)\" must not contain a comma") }
            return String(tag)
        }

        /// Account names and topics never carry surrounding spaces; `r= alice` means `alice`.
        private func trimmed(_ value: String) -> String {
            var text = Substring(value)
            while text.first?.isWhitespace == true { text.removeFirst() }
            while text.last?.isWhitespace == true { text.removeLast() }
            return String(text)
        }

        private func append(_ value: String, to list: inout [String]) {
            if !list.contains(value) { list.append(value) }
        }
    }
}
