import GatehouseCore
import GatehouseGit
import Testing

@Suite struct ReceivePackRequestTests {
    let old = String(repeating: "0", count: 40)
    let new = String(repeating: "a", count: 40)

    private func request(_ lines: [[UInt8]], options: [String]? = nil, pack: String = "PACK") -> [UInt8] {
        var bytes: [UInt8] = []
        for line in lines { bytes += PktLine.encode(line) }
        bytes += PktLine.flush
        if let options {
            for option in options { bytes += PktLine.encode(option + "\n") }
            bytes += PktLine.flush
        }
        return bytes + Array(pack.utf8)
    }

    @Test("the first command carries the capabilities after a NUL; the pack starts after the flush")
    func commandsAndCapabilities() throws {
        let bytes = request([
            Array("\(old) \(new) refs/for/main".utf8) + [0] + Array("report-status side-band-64k agent=git/2.39\n".utf8),
            Array("\(old) \(new) refs/heads/main\n".utf8),
        ])
        let parsed = try #require(try ReceivePackRequest.parse(bytes))
        #expect(parsed.commands.map(\.refName) == ["refs/for/main", "refs/heads/main"])
        #expect(parsed.commands[0].new == CommitID(new))
        #expect(parsed.wantsSideBand && parsed.wantsReportStatus)
        #expect(Array(bytes[parsed.packOffset...]) == Array("PACK".utf8))
    }

    @Test("push options follow the commands when the client negotiated them")
    func pushOptions() throws {
        let bytes = request([Array("\(old) \(new) refs/for/main".utf8) + [0] + Array("push-options report-status\n".utf8)], options: ["topic=x", "r=bob"])
        let parsed = try #require(try ReceivePackRequest.parse(bytes))
        #expect(parsed.pushOptions == ["topic=x", "r=bob"])
    }

    @Test("an incomplete command section asks for more bytes instead of failing")
    func incomplete() throws {
        let bytes = request([Array("\(old) \(new) refs/for/main\n".utf8)])
        for cut in [0, 3, 10, 40, bytes.count - 9] {
            #expect(try ReceivePackRequest.parse(Array(bytes.prefix(cut))) == nil)
        }
    }

    @Test("garbage is a protocol error", arguments: ["hello world", "0010not a command0000", "0000", "0009\(String(repeating: "a", count: 5))0000"])
    func garbage(_ text: String) {
        #expect(throws: GitError.self) { try ReceivePackRequest.parse(Array(text.utf8)) }
    }

    @Test("a ref name with a control character is refused")
    func controlCharacter() {
        let bytes = request([Array("\(old) \(new) refs/for/ma\u{1}in\n".utf8)])
        #expect(throws: GitError.self) { try ReceivePackRequest.parse(bytes) }
    }
}
