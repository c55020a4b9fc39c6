import GatehouseCore
import Testing

@Suite struct ChangeKeyFooterTests {
    static let a = "I8473b95934b5732ac55d26311a706c9c2bde9940"
    static let b = "I0123456789abcdef0123456789abcdef01234567"

    /// A message and what the footer parser must make of it.
    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        let message: String
        let expected: Result<String, ChangeKeyFooterError>
        var testDescription: String { name }

        init(_ name: String, _ message: String, _ expected: Result<String, ChangeKeyFooterError>) {
            self.name = name
            self.message = message
            self.expected = expected
        }
    }

    static let cases: [Case] = [
        Case("plain footer", "Fix a bug\n\nChange-Id: \(a)\n", .success(a)),
        Case("footer after a body", "Fix a bug\n\nLonger text.\nMore text.\n\nChange-Id: \(a)\n", .success(a)),
        Case("no trailing newline", "Fix a bug\n\nChange-Id: \(a)", .success(a)),
        Case("trailing blank lines", "Fix a bug\n\nChange-Id: \(a)\n\n\n  \n", .success(a)),
        Case("CRLF line endings", "Fix a bug\r\n\r\nBody\r\n\r\nChange-Id: \(a)\r\n", .success(a)),
        Case("trailing whitespace", "Fix a bug\n\nChange-Id: \(a) \t\n", .success(a)),
        Case("no space after colon", "Fix a bug\n\nChange-Id:\(a)\n", .success(a)),
        Case("several spaces after colon", "Fix a bug\n\nChange-Id:    \(a)\n", .success(a)),
        Case("key in another case", "Fix a bug\n\nchange-id: \(a)\n", .success(a)),
        Case("upper-case key", "Fix a bug\n\nCHANGE-ID: \(a)\n", .success(a)),
        Case("Signed-off-by after Change-Id", "Fix\n\nChange-Id: \(a)\nSigned-off-by: A <a@example.org>\n", .success(a)),
        Case("Signed-off-by before Change-Id", "Fix\n\nSigned-off-by: A <a@example.org>\nChange-Id: \(a)\n", .success(a)),
        Case("other lines in the footer", "Fix\n\nBug: 123\nsome text\nChange-Id: \(a)\n", .success(a)),
        Case("whitespace-only separator line", "Fix\n\nBody\n \t\nChange-Id: \(a)\n", .success(a)),
        Case("Link form", "Fix\n\nLink: https://review.example.org/id/\(a)\n", .success(a)),
        Case("Link form with trailing slash", "Fix\n\nLink: https://review.example.org/id/\(a)/\n", .success(a)),
        Case("Link form, lower-case key", "Fix\n\nlink: https://review.example.org/r/id/\(a)\n", .success(a)),
        Case("Link and Change-Id agreeing", "Fix\n\nChange-Id: \(a)\nLink: https://r.example.org/id/\(a)\n", .success(a)),
        Case("same Change-Id twice", "Fix\n\nChange-Id: \(a)\nChange-Id: \(a)\n", .success(a)),
        Case("unrelated Link ignored", "Fix\n\nLink: https://docs.example.org/x\nChange-Id: \(a)\n", .success(a)),
        Case("Change-Id also in body", "Fix\n\nReverts Change-Id: \(b)\n\nChange-Id: \(a)\n", .success(a)),
        Case("Change-Id line in body, another in footer", "Fix\n\nChange-Id: \(b)\n\nChange-Id: \(a)\n", .success(a)),

        Case("no Change-Id at all", "Fix a bug\n\nJust a body.\n", .failure(.missing)),
        Case("empty message", "", .failure(.missing)),
        Case("only blank lines", "\n\n  \n", .failure(.missing)),
        Case("Link with a short id", "Fix\n\nLink: https://r.example.org/id/I1234\n", .failure(.missing)),
        Case("Link without /id/", "Fix\n\nLink: https://r.example.org/\(a)\n", .failure(.missing)),
        Case("Link with upper-case hex", "Fix\n\nLink: https://r.example.org/id/\(a.uppercased())\n", .failure(.missing)),
        Case("indented Change-Id is a continuation", "Fix\n\nBug: 1\n  Change-Id: \(a)\n", .failure(.missing)),
        Case("space before the colon", "Fix\n\nChange-Id : \(a)\n", .failure(.missing)),

        Case("two different Change-Ids", "Fix\n\nChange-Id: \(a)\nChange-Id: \(b)\n", .failure(.multiple)),
        Case("Change-Id and a different Link", "Fix\n\nChange-Id: \(a)\nLink: https://r.example.org/id/\(b)\n", .failure(.multiple)),
        Case("valid and invalid Change-Id", "Fix\n\nChange-Id: \(a)\nChange-Id: Ibad\n", .failure(.multiple)),

        Case("too short", "Fix\n\nChange-Id: I1234567\n", .failure(.invalidFormat)),
        Case("upper-case hex", "Fix\n\nChange-Id: \(a.uppercased())\n", .failure(.invalidFormat)),
        Case("lower-case i prefix", "Fix\n\nChange-Id: i\(a.dropFirst())\n", .failure(.invalidFormat)),
        Case("missing I prefix", "Fix\n\nChange-Id: \(a.dropFirst())\n", .failure(.invalidFormat)),
        Case("extra text after the id", "Fix\n\nChange-Id: \(a) (cherry picked)\n", .failure(.invalidFormat)),
        Case("empty value", "Fix\n\nChange-Id:\n", .failure(.invalidFormat)),

        Case("subject-only message with Change-Id", "Fix a bug\nChange-Id: \(a)\n", .failure(.notInFooter)),
        Case("Change-Id as the subject", "Change-Id: \(a)\n", .failure(.notInFooter)),
        Case("Change-Id in a middle paragraph", "Fix\n\nChange-Id: \(a)\n\nSigned-off-by: A <a@example.org>\n", .failure(.notInFooter)),
        Case("Change-Id above the body", "Fix\n\nChange-Id: \(a)\n\nMore explanation.\n", .failure(.notInFooter)),
        Case("lower-case Change-Id outside the footer", "Fix\n\nchange-id: \(a)\n\nBody.\n", .failure(.notInFooter)),
    ]

    @Test("Finds the Change-Id in the footer as Gerrit does", arguments: cases)
    func parses(testCase: Case) {
        let expected = testCase.expected.map { ChangeKey($0)! }
        #expect(ChangeKeyFooter.parse(testCase.message) == expected)
    }

    @Test("Describes errors in Gerrit's words", arguments: [
        (ChangeKeyFooterError.missing, "missing Change-Id in message footer"),
        (.multiple, "multiple Change-Id lines in message footer"),
        (.invalidFormat, "invalid Change-Id line format in message footer"),
        (.notInFooter, "Change-Id must be in message footer"),
    ])
    func errorDescriptions(error: ChangeKeyFooterError, text: String) {
        #expect(error.description == text)
        #expect("\(error)" == text)
    }
}
