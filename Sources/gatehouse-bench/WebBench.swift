import ArgumentParser
import Foundation
import GatehouseAPIModels
import GatehouseTesting
import GatehouseWebUI

/// Server-side render time of the two heaviest pages: a change with 50 files and 5,000 diff lines, and /status
/// with 40 queued items. The reference is encoding the same models as JSON, which is what the REST API spends
/// on the same data, measured in the same run.
struct WebBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "web", abstract: "Render time of the change page and the status page.")

    @Option(help: "Renders of each page.")
    var renders = 200

    @Option(help: "Files on the change page.")
    var files = 50

    @Option(help: "Changed lines per file.")
    var lines = 100

    @Option(help: "Items in the gate queue on /status.")
    var items = 40

    func run() async throws {
        let viewer = Viewer(username: "bob", displayName: "Bob", csrfToken: "token")
        let change = WebPageSamples.change(files: files, linesPerFile: lines, viewer: viewer)
        let status = WebPageSamples.status(items: items)
        let encoder = JSONEncoder()
        let diffs = change.files.compactMap(\.diff)
        var changePage = Sample(), changeJSON = Sample(), statusPage = Sample(), statusJSON = Sample()
        var bytes = (change: 0, status: 0)
        for index in -20..<renders {
            let a = await measure { bytes.change = ChangePage.render(change).rendered.utf8.count }
            let b = try await measure { _ = try encoder.encode(change.change).count + (try encoder.encode(diffs).count) }
            let c = await measure { bytes.status = StatusPage.render(status, viewer: viewer).rendered.utf8.count }
            let d = try await measure { _ = try encoder.encode(status).count }
            guard index >= 0 else { continue }
            changePage.add(a)
            changeJSON.add(b)
            statusPage.add(c)
            statusJSON.add(d)
        }
        let diffLines = change.files.compactMap(\.diff).reduce(0) { $0 + $1.content.reduce(0) { $0 + ($1.a?.count ?? 0) + ($1.b?.count ?? 0) + ($1.ab?.count ?? 0) } }
        print("change page: \(change.files.count) files, \(diffLines) diff lines, \(bytes.change / 1024) KiB of HTML; \(renders) renders")
        print("  render       p50 \(format(changePage.median)) ms   p99 \(format(changePage.percentile(99))) ms   (goal p99 ≤ 50 ms)")
        print("  reference: the same change and diffs as JSON   p50 \(format(changeJSON.median)) ms   p99 \(format(changeJSON.percentile(99))) ms")
        print("status page: \(items) items, \(bytes.status / 1024) KiB of HTML; \(renders) renders")
        print("  render       p50 \(format(statusPage.median)) ms   p99 \(format(statusPage.percentile(99))) ms   (goal p99 ≤ 50 ms)")
        print("  reference: the same status as JSON   p50 \(format(statusJSON.median)) ms   p99 \(format(statusJSON.percentile(99))) ms")
    }
}
