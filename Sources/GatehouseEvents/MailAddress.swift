import Foundation

/// A mailbox: an optional display name and an address, as a header shows it (`"Bob" <bob@example.com>`).
///
/// Addresses are checked to the plain `local@domain` shape with no spaces, brackets or line breaks: they go
/// into SMTP commands and headers verbatim, so anything that could end a line or a command is refused.
package struct MailAddress: Hashable, Sendable, CustomStringConvertible {
    package let name: String?
    package let address: String

    package init(name: String? = nil, address: String) throws(SMTPError) {
        guard Self.isValid(address) else { throw .configuration("\"\(address)\" is not an e-mail address (want local@domain)") }
        self.name = name
        self.address = address
    }

    /// Reads `--mail-from`: a bare address or `Name <address>`.
    package init(parsing text: String) throws(SMTPError) {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.hasSuffix(">"), let open = trimmed.lastIndex(of: "<") {
            let name = String(trimmed[..<open]).trimmingCharacters(in: .whitespacesAndNewlines).trimmingQuotes
            try self.init(name: name.isEmpty ? nil : name, address: String(trimmed[trimmed.index(after: open)..<trimmed.index(before: trimmed.endIndex)]))
        } else {
            try self.init(address: trimmed)
        }
    }

    /// The part after `@`, for Message-IDs that are unique to this sender.
    package var domain: String { String(address[address.index(after: address.lastIndex(of: "@")!)...]) }

    package var description: String { MailHeader.mailbox(self) }

    static func isValid(_ address: String) -> Bool {
        guard address.utf8.count <= 254, let at = address.lastIndex(of: "@") else { return false }
        let local = address[..<at]
        let domain = address[address.index(after: at)...]
        guard !local.isEmpty, local.utf8.count <= 64, !domain.isEmpty, !domain.hasPrefix("."), !domain.hasSuffix(".") else { return false }
        let forbidden: Set<Character> = [" ", "<", ">", "(", ")", ",", ";", ":", "\\", "\"", "[", "]", "@"]
        return local.allSatisfy { $0.isASCII && !$0.isNewline && $0.asciiValue! > 32 && $0.asciiValue! < 127 && !forbidden.contains($0) }
            && domain.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == ".") }
    }
}

extension String {
    fileprivate var trimmingQuotes: String {
        count >= 2 && hasPrefix("\"") && hasSuffix("\"") ? String(dropFirst().dropLast()) : self
    }
}
