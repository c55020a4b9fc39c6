package import GatehouseAPIModels

/// `/build/<id>`: one build, with its log; the script tails the log while the build runs.
package enum BuildPage {
    package static func render(_ build: BuildInfo, project: String, change: Int, log: String, truncated: Bool, viewer: Viewer?) -> HTML {
        let finished: HTML = build.result == nil ? "" : " data-finished"
        let body: HTML = """
            <p class="muted"><a href="\(SiteURL.change(project: project, number: change, patchSet: build.patchSet))">Change \(change), patch set \(build.patchSet)</a></p>
            <h1>\(build.job) <span class="muted">(\(build.pipeline))</span> \(ChangePage.result(build.result))</h1>
            <dl class="meta"><dt>Tested</dt><dd><code>\(build.commit ?? "not yet")</code> · \(build.changes)</dd>
            <dt>Started</dt><dd>\(String(build.start.prefix(19))) UTC</dd><dt>Ended</dt><dd>\(build.end.map { String($0.prefix(19)) + " UTC" } ?? "running")</dd>
            <dt>Raw log</dt><dd><a href="\(SiteURL.buildLog(build.id))">\(SiteURL.buildLog(build.id).path)</a></dd></dl>
            <div\(finished)>\(truncated ? HTML("<p class=\"muted\">Showing the end of the log.</p>") : .empty)<pre class="log">\(log)</pre></div>
            """
        return Layout.page(title: "Build \(build.id)", viewer: viewer, returnTo: SiteURL.build(build.id).path, live: build.result == nil ? "log" : nil, body)
    }
}
