import Foundation
package import GatehouseCore

/// One e-mail, rendered to RFC 5322 text with CRLF line ends.
///
/// Headers built from user text (subjects, names) lose their line breaks and are RFC 2047-encoded when they are
/// not plain ASCII, so a commit subject can never add a header. The body goes out as 7bit when it is plain
/// ASCII with short lines (readable as is in any raw view), else as quoted-printable UTF-8.
package struct MailMessage: Sendable {
    package var from: MailAddress
    package var to: [MailAddress]
    package var subject: String
    /// Without angle brackets: `gatehouse.1.I8473b95934b5732ac55d26311a706c9c2bde9940@example.com`.
    package var messageID: String
    /// The thread's root, which In-Reply-To and References name so a change's mails group together.
    package var threadID: String?
    package var date: Timestamp
    /// Extra headers, in order (`X-Gerrit-MessageType` and friends, for mail filters).
    package var headers: [(String, String)]
    package var body: String

    package init(
        from: MailAddress, to: [MailAddress], subject: String, messageID: String, threadID: String?, date: Timestamp,
        headers: [(String, String)] = [], body: String
    ) {
        self.from = from
        self.to = to
        self.subject = subject
        self.messageID = messageID
        self.threadID = threadID
        self.date = date
        self.headers = headers
        self.body = body
    }

    package func rendered() -> String {
        var lines: [String] = [
            "Date: \(MailHeader.date(date))",
            "From: \(MailHeader.mailbox(from))",
            "To: \(to.map(MailHeader.mailbox).joined(separator: ",\r\n "))",
            "Subject: \(MailHeader.text(subject))",
            "Message-ID: <\(messageID)>",
        ]
        if let threadID, threadID != messageID {
            lines.append("In-Reply-To: <\(threadID)>")
            lines.append("References: <\(threadID)>")
        }
        lines.append("MIME-Version: 1.0")
        lines.append("Content-Type: text/plain; charset=UTF-8")
        let bodyLines = body.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false)
        let plain = bodyLines.allSatisfy { line in line.utf8.count <= 998 && line.utf8.allSatisfy { $0 < 128 && $0 != 0 } }
        lines.append("Content-Transfer-Encoding: \(plain ? "7bit" : "quoted-printable")")
        for (name, value) in headers { lines.append("\(name): \(MailHeader.text(value))") }
        let encoded = plain ? bodyLines.map(String.init) : bodyLines.map { QuotedPrintable.encode(line: Array($0.utf8)) }
        return lines.joined(separator: "\r\n") + "\r\n\r\n" + encoded.joined(separator: "\r\n") + "\r\n"
    }
}

/// Header value encoding (RFC 5322 and RFC 2047).
enum MailHeader {
    /// Plain ASCII stays as it is; anything else becomes UTF-8 encoded words, folded so no line grows too long.
    /// Line breaks become spaces either way: a header value is one logical line.
    static func text(_ value: String) -> String {
        let flat = value.map { $0.isNewline ? " " : String($0) }.joined()
        if flat.utf8.allSatisfy({ $0 >= 32 && $0 < 127 }) { return String(flat.prefix(900)) }
        var words: [String] = []
        var chunk: [UInt8] = []
        for character in flat {
            let bytes = Array(String(character).utf8)
            if chunk.count + bytes.count > 45 {
                words.append("=?UTF-8?B?\(Data(chunk).base64EncodedString())?=")
                chunk = []
            }
            chunk += bytes
        }
        if !chunk.isEmpty { words.append("=?UTF-8?B?\(Data(chunk).base64EncodedString())?=") }
        return words.joined(separator: "\r\n ")
    }

    /// `"Display Name" <address>`, or just the address.
    static func mailbox(_ mailbox: MailAddress) -> String {
        guard let name = mailbox.name?.map({ $0.isNewline ? " " : String($0) }).joined(), !name.isEmpty else { return mailbox.address }
        let shown: String
        if name.utf8.allSatisfy({ $0 >= 32 && $0 < 127 }) {
            shown = "\"" + name.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
        } else {
            shown = text(name)
        }
        return "\(shown) <\(mailbox.address)>"
    }

    /// RFC 5322's date: `Sun, 06 Dec 2026 19:07:04 +0000`.
    static func date(_ timestamp: Timestamp) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss '+0000'"
        return formatter.string(from: Date(timeIntervalSince1970: TimeInterval(timestamp.secondsSinceEpoch)))
    }
}

/// Quoted-printable (RFC 2045 §6.7) for one line of the body, with soft breaks to keep lines within 76 characters.
enum QuotedPrintable {
    static func encode(line: [UInt8]) -> String {
        var output = ""
        var width = 0
        for (index, byte) in line.enumerated() {
            let last = index == line.count - 1
            let literal = (byte >= 33 && byte <= 126 && byte != UInt8(ascii: "=")) || ((byte == 32 || byte == 9) && !last)
            let piece = literal ? String(UnicodeScalar(byte)) : "=" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
            if width + piece.count > 75 {
                output += "=\r\n"
                width = 0
            }
            output += piece
            width += piece.count
        }
        return output
    }
}

extension String {
    fileprivate func leftPadded(to length: Int) -> String {
        String(repeating: "0", count: max(0, length - count)) + self
    }
}
