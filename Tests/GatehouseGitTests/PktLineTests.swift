import GatehouseCore
import GatehouseGit
import Testing

@Suite struct PktLineTests {
    @Test("a packet carries its length in four hex digits, including the digits")
    func encode() {
        #expect(PktLine.encode("a\n") == Array("0006a\n".utf8))
        #expect(PktLine.flush == Array("0000".utf8))
    }

    @Test("reading returns packets in order and nil when the bytes run out mid-packet")
    func read() throws {
        let bytes = Array("0009hello0000000".utf8)
        var offset = 0
        #expect(try PktLine.read(bytes, at: &offset) == .data(Array("hello".utf8)))
        #expect(try PktLine.read(bytes, at: &offset) == .flush)
        #expect(try PktLine.read(bytes, at: &offset) == nil)
        #expect(offset == 13)
    }

    @Test("lengths that are not hex, or impossibly small, are protocol errors", arguments: ["zzzz", "0002", "0003", "00-1"])
    func badLength(_ text: String) {
        var offset = 0
        #expect(throws: GitError.self) { try PktLine.read(Array(text.utf8), at: &offset) }
    }

    @Test("side-band data longer than a packet is split into several packets")
    func sideBandSplits() throws {
        let data = [UInt8](repeating: 0x41, count: 100_000)
        let framed = PktLine.sideBand(2, data)
        var offset = 0
        var payload: [UInt8] = []
        var packets = 0
        while let packet = try PktLine.read(framed, at: &offset) {
            guard case .data(let bytes) = packet else { Issue.record("unexpected \(packet)"); return }
            #expect(bytes.first == 2)
            payload += bytes.dropFirst()
            packets += 1
        }
        #expect(packets == 2)
        #expect(payload == data)
    }
}
