/// Why a vote was refused. Every vote error lives here so the REST layer maps them in one place
/// (unknown label and out of range: 400; restricted: 403).
///
/// The descriptions follow Gerrit's wording where it has one, because people and scripts already recognise it.
package enum VoteRejection: Error, Equatable, Sendable, CustomStringConvertible {
    /// The label is not configured on the project. Produced by callers looking a label up by name.
    case unknownLabel(String)
    /// The value is not one of the label's values, whoever casts it.
    case outOfRange(label: String, value: Int, range: ClosedRange<Int>)
    /// The value exists on the label, but this voter may not cast it.
    case restricted(label: String, value: Int)

    package var description: String {
        switch self {
        case .unknownLabel(let label):
            "label \"\(label)\" is not a configured label"
        case .outOfRange(let label, let value, let range):
            "label \"\(label)\": \(value) is not a valid value; allowed: \(LabelDefinition.signed(range))"
        case .restricted(let label, let value):
            "Applying label \"\(label)\": \(LabelDefinition.signed(value)) is restricted"
        }
    }
}
