import GatehouseReview
import Testing

@Suite struct PasswordHashTests {
    @Test("a stored hash verifies its password and nothing else, in both formats", arguments: [true, false])
    func verify(generated: Bool) {
        let hash = PasswordHash.make("correct horse", generated: generated)
        #expect(!hash.contains("correct horse"))
        #expect(hash.hasPrefix(generated ? "sha256$" : "pbkdf2-sha256$"))
        #expect(PasswordHash.verify("correct horse", against: hash))
        #expect(!PasswordHash.verify("correct hors", against: hash))
        #expect(!PasswordHash.verify("", against: hash))
    }

    @Test("two hashes of the same password differ (salted)")
    func salted() {
        #expect(PasswordHash.make("pw", generated: true) != PasswordHash.make("pw", generated: true))
    }

    @Test("generated passwords are long and unique")
    func generated() {
        let passwords = Set((0..<100).map { _ in PasswordHash.generatePassword() })
        #expect(passwords.count == 100)
        #expect(passwords.allSatisfy { $0.count == 32 && $0.allSatisfy { $0.isLetter || $0.isNumber } })
    }

    @Test("malformed stored values never verify", arguments: ["", "sha256$x", "pbkdf2-sha256$1$$", "plain"])
    func malformed(_ stored: String) {
        #expect(!PasswordHash.verify("x", against: stored))
    }
}
