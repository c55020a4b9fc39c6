import GatehouseGit
import Testing

@Suite struct ReceivePackReportTests {
    @Test("the report travels on band 1 and the messages on band 2 when side-band was asked for")
    func sideBand() throws {
        var report = ReceivePackReport()
        report.results = [("refs/for/main", .ok), ("refs/heads/main", .rejected("not allowed\nat all"))]
        report.messages = ["New Changes:"]
        let bytes = report.encode(sideBand: true, reportStatus: true)
        var offset = 0
        var bands: [UInt8: [UInt8]] = [:]
        while let packet = try PktLine.read(bytes, at: &offset), case .data(let payload) = packet {
            bands[payload[0], default: []] += payload.dropFirst()
        }
        #expect(String(decoding: bands[2] ?? [], as: UTF8.self) == "New Changes:\n")
        let status = String(decoding: bands[1] ?? [], as: UTF8.self)
        #expect(status.contains("unpack ok\n"))
        #expect(status.contains("ok refs/for/main\n"))
        #expect(status.contains("ng refs/heads/main not allowed at all\n"))
    }

    @Test("without side-band the report is plain pkt-lines")
    func plain() {
        var report = ReceivePackReport()
        report.unpackError = "index-pack failed"
        report.results = [("refs/for/main", .rejected("unpacker error"))]
        let text = String(decoding: report.encode(sideBand: false, reportStatus: true), as: UTF8.self)
        #expect(text == "001dunpack index-pack failed\n0024ng refs/for/main unpacker error\n0000")
    }
}
