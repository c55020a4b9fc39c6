/// A label reviewers vote on, such as `Code-Review` −2..+2, with who may cast which values and which votes
/// survive a new patch set.
///
/// A project's labels are plain data, so admins can change ranges and grants without code, and the same
/// value drives voting, the REST `labels`/`permitted_labels` fields, vote copying and submit requirements.
package struct LabelDefinition: Hashable, Sendable, Codable {
    package var name: String
    /// Value to description, e.g. `2: "Looks good to me, approved"`. Must be a contiguous range that contains 0.
    package var values: [Int: String]
    /// The value a missing vote stands for; 0.
    package var defaultValue: Int
    package var permissions: [LabelPermission]
    /// Patch set kinds on which all votes of this label are copied to the new patch set.
    package var copyOn: Set<PatchSetKind>
    /// Whether the minimum value (a veto such as Code-Review −2) is copied on every new patch set, so an
    /// objection cannot be shaken off by uploading again.
    package var stickyMinimum: Bool

    package init(
        name: String, values: [Int: String], defaultValue: Int = 0, permissions: [LabelPermission] = [],
        copyOn: Set<PatchSetKind> = [], stickyMinimum: Bool = false
    ) {
        self.name = name
        self.values = values
        self.defaultValue = defaultValue
        self.permissions = permissions
        self.copyOn = copyOn
        self.stickyMinimum = stickyMinimum
    }

    /// The lowest value; 0 for a label without values (which `validate()` refuses).
    package var min: Int { values.keys.min() ?? 0 }
    /// The highest value; 0 for a label without values (which `validate()` refuses).
    package var max: Int { values.keys.max() ?? 0 }
    package var range: ClosedRange<Int> { min...max }

    /// Gerrit's spelling of a value in `values` maps and `permitted_labels`: "-2", "-1", " 0" (leading space),
    /// "+1", "+2". Clients look values up by exactly these strings, so the odd " 0" matters.
    package static func formatValue(_ value: Int) -> String {
        value == 0 ? " 0" : signed(value)
    }

    /// Parses "+1", "1", " 0", "0", "-2" (surrounding ASCII whitespace ignored); nil for anything else,
    /// including empty text, a lone sign, non-ASCII digits and numbers that do not fit.
    ///
    /// Accepts both Gerrit's formatted keys and plain numbers, because clients send either.
    package static func parseValue(_ text: String) -> Int? {
        var bytes = Substring(text).utf8[...]
        while let first = bytes.first, ASCIIText.isSpace(first) { bytes = bytes.dropFirst() }
        while let last = bytes.last, ASCIIText.isSpace(last) { bytes = bytes.dropLast() }
        var negative = false
        if let sign = bytes.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") {
            negative = sign == UInt8(ascii: "-")
            bytes = bytes.dropFirst()
        }
        // 18 digits always fit in a 64-bit Int, so the loop below cannot overflow.
        guard !bytes.isEmpty, bytes.count <= 18, bytes.allSatisfy(ASCIIText.isDigit) else { return nil }
        var value = 0
        for byte in bytes { value = value * 10 + Int(byte - UInt8(ascii: "0")) }
        return negative ? -value : value
    }

    /// A value as it reads in a sentence: "+2", "0", "-1" (no padding space, unlike `formatValue`).
    static func signed(_ value: Int) -> String {
        value > 0 ? "+\(value)" : "\(value)"
    }

    /// A range as it reads in a sentence: "-2..+2".
    static func signed(_ range: ClosedRange<Int>) -> String {
        "\(signed(range.lowerBound))..\(signed(range.upperBound))"
    }

    /// Checks everything voting relies on, so a bad configuration is refused when saved instead of
    /// surfacing later as a vote nobody can cast. The first problem found is reported.
    ///
    /// - name: 1 to 64 ASCII letters, digits and `-`, not starting with `-` (it becomes a JSON key and a
    ///   query operand such as `label:Code-Review+2`).
    /// - values: contiguous, containing 0, each with a description that is not blank.
    /// - defaultValue within the range; every permission names a group (if any) and has min ≤ max within the range.
    package func validate() throws(ValidationError) {
        guard (1...64).contains(name.utf8.count) else {
            throw ValidationError("label name must be 1 to 64 characters")
        }
        guard name.utf8.allSatisfy(Self.isNameByte), name.utf8.first != UInt8(ascii: "-") else {
            throw ValidationError(
                "invalid label name \"\(name)\": use only letters, digits and '-', not starting with '-'")
        }
        func invalid(_ reason: String) -> ValidationError { ValidationError("label \"\(name)\": \(reason)") }
        guard values[0] != nil else { throw invalid("values must include 0") }
        if let gap = range.first(where: { values[$0] == nil }) {
            throw invalid("values must be contiguous, but \(Self.signed(gap)) is missing")
        }
        for value in range where values[value]?.trimmingSpaces.isEmpty ?? true {
            throw invalid("value \(Self.signed(value)) needs a description")
        }
        guard range.contains(defaultValue) else {
            throw invalid("default value \(Self.signed(defaultValue)) is outside \(Self.signed(range))")
        }
        for permission in permissions {
            let who = permission.principal.spelledOut
            // Only emptiness is checked: core groups of nested projects ("openstack/nova-core") contain a '/'.
            if case .group(let group) = permission.principal, group.trimmingSpaces.isEmpty {
                throw invalid("a permission names an empty group")
            }
            guard permission.min <= permission.max else {
                throw invalid(
                    "permission for \(who) has min \(Self.signed(permission.min)) above max \(Self.signed(permission.max))")
            }
            guard range.contains(permission.min), range.contains(permission.max) else {
                throw invalid(
                    "permission for \(who) allows \(Self.signed(permission.min...permission.max)), "
                        + "beyond the label's range \(Self.signed(range))")
            }
        }
    }

    /// The widest range the voter may cast: from the lowest min to the highest max of every grant whose
    /// principal matches, widened to include 0 so a voter can always reset their own vote, and kept within
    /// the label's range. nil when the voter is anonymous or no grant matches.
    ///
    /// Grants combine as a hull, as in Gerrit: `-2..-2` and `+2..+2` give `-2..+2`.
    package func permittedRange(for voter: Voter) -> ClosedRange<Int>? {
        guard voter.isSignedIn else { return nil }
        let matching = permissions.filter { $0.principal.matches(voter) }
        guard let lowest = matching.map(\.min).min(), let highest = matching.map(\.max).max() else { return nil }
        let lower = Swift.max(Swift.min(lowest, 0), min)
        let upper = Swift.min(Swift.max(highest, 0), max)
        return lower <= upper ? lower...upper : nil
    }

    /// The values a voter may cast, formatted and ascending, for Gerrit's `permitted_labels`
    /// (e.g. ["-1", " 0", "+1"]); empty when the voter may cast nothing.
    package func permittedValues(for voter: Voter) -> [String] {
        permittedRange(for: voter).map { $0.map(Self.formatValue) } ?? []
    }

    /// Checks one vote a voter wants to cast; nil when it may be cast.
    ///
    /// A value outside the label's range is `.outOfRange` whoever casts it (so the error names the allowed
    /// values); a value inside it that the voter's grants do not cover is `.restricted`. A voter no grant
    /// covers (and any anonymous caller) is restricted even for 0.
    package func checkVote(_ value: Int, by voter: Voter) -> VoteRejection? {
        guard range.contains(value) else { return .outOfRange(label: name, value: value, range: range) }
        guard let permitted = permittedRange(for: voter), permitted.contains(value) else {
            return .restricted(label: name, value: value)
        }
        return nil
    }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        ASCIIText.isDigit(byte) || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
            || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) || byte == UInt8(ascii: "-")
    }
}
