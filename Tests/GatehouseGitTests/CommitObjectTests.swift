import GatehouseCore
import GatehouseGit
import Testing

@Suite struct CommitObjectTests {
    let id = CommitID(String(repeating: "b", count: 40))!

    @Test("headers, identities and the message are read from the raw object")
    func parse() throws {
        let raw = """
            tree 4b825dc642cb6eb9a060e54bf8d69288fbee4904
            parent \(String(repeating: "c", count: 40))
            author Jane Doe <jane@example.com> 1700000000 +0130
            committer Bot <bot@example.com> 1700000100 -0800

            Subject line
            continues

            Body.
            """
        let commit = try CommitObject(id: id, raw: Array(raw.utf8)[...])
        #expect(commit.parents == [CommitID(String(repeating: "c", count: 40))!])
        #expect(commit.author.name == "Jane Doe")
        #expect(commit.author.timeZoneOffsetMinutes == 90)
        #expect(commit.committer.timeZoneOffsetMinutes == -480)
        #expect(commit.committer.time == Timestamp(secondsSinceEpoch: 1_700_000_100))
        #expect(commit.subject == "Subject line continues")
        #expect(commit.message == "Subject line\ncontinues\n\nBody.")
    }

    @Test("a message that is not UTF-8 is kept as nil, so uploads can refuse it")
    func invalidUTF8() throws {
        let raw = Array("tree 4b825dc642cb6eb9a060e54bf8d69288fbee4904\nauthor A <a@b> 1 +0000\ncommitter A <a@b> 1 +0000\n\n".utf8) + [0xC3, 0x28, 0x0A]
        let commit = try CommitObject(id: id, raw: raw[...])
        #expect(commit.message == nil)
        #expect(commit.subject == "")
    }
}
