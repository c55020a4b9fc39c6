import Foundation
import GatehouseAPIModels
import GatehouseCore
@testable import GatehouseEvents
import Testing

@Suite struct MailMessageTests {
    private let sender = try! MailAddress(parsing: "Gatehouse <gatehouse@example.com>")
    private let date = Timestamp(secondsSinceEpoch: 1_796_583_600)  // 2026-12-06 19:00:00 UTC

    private func message(subject: String, body: String, name: String = "Bob") throws -> MailMessage {
        MailMessage(
            from: try MailAddress(name: name, address: "gatehouse@example.com"), to: [try MailAddress(name: "Alice", address: "alice@example.com")],
            subject: subject, messageID: "m2@example.com", threadID: "m1@example.com", date: date, headers: [("X-Gerrit-MessageType", "comment")],
            body: body)
    }

    @Test("an ASCII mail renders as 7bit with CRLF, threading headers and an RFC 5322 date")
    func plainMail() throws {
        let text = try message(subject: "Change in demo[main]: Say hello", body: "Line one\nLine two").rendered()
        #expect(text == [
            "Date: Sun, 06 Dec 2026 19:00:00 +0000", "From: \"Bob\" <gatehouse@example.com>", "To: \"Alice\" <alice@example.com>",
            "Subject: Change in demo[main]: Say hello", "Message-ID: <m2@example.com>", "In-Reply-To: <m1@example.com>",
            "References: <m1@example.com>", "MIME-Version: 1.0", "Content-Type: text/plain; charset=UTF-8", "Content-Transfer-Encoding: 7bit",
            "X-Gerrit-MessageType: comment", "", "Line one", "Line two", "",
        ].joined(separator: "\r\n"))
    }

    @Test("a subject cannot add headers, and non-ASCII text is encoded so it survives any relay")
    func headerInjectionAndEncoding() throws {
        let text = try message(subject: "Fix\r\nBcc: victim@example.com", body: "Grüße, naïve café", name: "Zoë \"Z\" Ünal").rendered()
        let head = text.components(separatedBy: "\r\n\r\n")[0]
        #expect(!head.contains("\r\nBcc:"))
        #expect(head.contains("Subject: Fix Bcc: victim@example.com"))
        #expect(head.contains("From: =?UTF-8?B?\(Data("Zoë \"Z\" Ünal".utf8).base64EncodedString())?= <gatehouse@example.com>"))
        #expect(head.contains("Content-Transfer-Encoding: quoted-printable"))
        #expect(text.hasSuffix("\r\n\r\nGr=C3=BC=C3=9Fe, na=C3=AFve caf=C3=A9\r\n"))
    }

    @Test("quoted-printable keeps lines within 76 characters and encodes trailing spaces and '='")
    func quotedPrintable() {
        #expect(QuotedPrintable.encode(line: Array("a=b ".utf8)) == "a=3Db=20")
        let long = QuotedPrintable.encode(line: Array(String(repeating: "é", count: 40).utf8))
        #expect(long.components(separatedBy: "\r\n").allSatisfy { $0.count <= 76 })
        #expect(long.replacingOccurrences(of: "=\r\n", with: "") == String(repeating: "=C3=A9", count: 40))
    }

    @Test("a line that starts with a dot is doubled, so the message cannot end early")
    func dotStuffing() {
        #expect(SMTPConversation.dotStuffed("a\r\n.\r\n..b\r\n") == "a\r\n..\r\n...b\r\n")
    }

    @Test("addresses: only local@domain without anything that could end a command or a header")
    func addresses() throws {
        #expect(try MailAddress(parsing: "Gatehouse CI <ci@gate.example.org>") == MailAddress(name: "Gatehouse CI", address: "ci@gate.example.org"))
        #expect(try MailAddress(parsing: " ci@example.org ").address == "ci@example.org")
        #expect(try MailAddress(parsing: "ci@gate.example.org").domain == "gate.example.org")
        for bad in ["", "ci", "@example.org", "ci@", "ci@@example.org", "c i@example.org", "ci@example.org>\r\nRCPT TO:<x@y.z", "ci@exa mple.org"] {
            #expect(throws: SMTPError.self, "\(bad)") { try MailAddress(parsing: bad) }
        }
    }

    @Test("SMTP URLs: scheme, port defaults, credentials, STARTTLS and CA, and clear refusals")
    func configuration() throws {
        let plain = try SMTPConfiguration(url: "smtp://mail.example.org")
        #expect(plain == SMTPConfiguration(host: "mail.example.org", port: 25))
        let tls = try SMTPConfiguration(url: "smtps://u%40x:p%2Fw@mail.example.org")
        #expect(tls == SMTPConfiguration(host: "mail.example.org", port: 465, security: .implicitTLS, username: "u@x", password: "p/w"))
        #expect(try SMTPConfiguration(url: "smtp://h:587?starttls=true").security == .startTLS)
        #expect(try SMTPConfiguration(url: "smtp://h:587?starttls=true").address == "h:587")
        let refusals = [
            "mail.example.org": "is not a URL", "imap://h": "must start with smtp://", "smtp://h/x": "takes no path",
            "smtp://h?starttls=maybe": "starttls must be true or false", "smtps://h?starttls=true": "goes with smtp://",
            "smtp://h?ca=/etc/hostname": "ca= needs TLS", "smtp://h?ca=/no/such.pem&starttls=true": "cannot read the CA file",
            "smtp://h:70000": "", "smtp://u@h": "both a user and a password",
        ]
        for (url, why) in refusals {
            do {
                _ = try SMTPConfiguration(url: url)
                Issue.record("\(url) was accepted")
            } catch {
                #expect(why.isEmpty || error.description.contains(why), "\(url): \(error)")
            }
        }
    }
}
