package import GatehouseAPIModels

/// `/status`: the gate like Zuul's status page — each queue with its window, each item with the changes it is
/// built on and its jobs' progress and ETA, items beyond the window marked waiting; then the check pipeline
/// and the approved changes that are not queued, with what they miss. Refreshed live by the script.
package enum StatusPage {
    package static func render(_ status: GateStatusInfo, viewer: Viewer?) -> HTML {
        let queues = status.queues.map(queue)
        let check = status.check.map { item -> HTML in
            let link = SiteURL.change(project: item.project, number: item.change, patchSet: item.patchSet)
            return "<li><a href=\"\(link)\">\(item.change),\(item.patchSet)</a> \(item.project) \(jobs(item.jobs))</li>"
        }
        let waiting = status.notEnqueued.map { item -> HTML in
            let link = SiteURL.change(project: item.project, number: item.change, patchSet: item.patchSet)
            return "<li><a href=\"\(link)\">\(item.change),\(item.patchSet) \(item.subject)</a> — \(item.missing.joined(separator: "; "))</li>"
        }
        let body: HTML = """
            <h1>Gate status</h1>
            \(queues.isEmpty ? "<p class=\"muted\">No change is in the gate.</p>" : HTML.join(queues))
            <section class="box"><h2>Check pipeline (\(status.check.count))</h2><div class="body">
            \(check.isEmpty ? HTML("<p class=\"muted\">Nothing being checked.</p>") : HTML("<ul>\(check)</ul>"))</div></section>
            <section class="box"><h2>Approved but not queued (\(status.notEnqueued.count))</h2><div class="body">
            \(waiting.isEmpty ? HTML("<p class=\"muted\">None.</p>") : HTML("<ul>\(waiting)</ul>"))</div></section>
            """
        return Layout.page(title: "Gate status", viewer: viewer, returnTo: SiteURL.status.path, live: "status", body)
    }

    private static func queue(_ queue: GateQueueInfo) -> HTML {
        let items = queue.items.map { item -> HTML in
            let waiting = item.position > queue.window
            let link = SiteURL.change(project: queue.project, number: item.change, patchSet: item.patchSet)
            let state: HTML = waiting ? Layout.badge("waiting (outside the window)", "neutral") : stateBadge(item.state)
            let eta: HTML = item.etaSeconds.map { HTML(" · ETA \(seconds($0))") } ?? ""
            let failure: HTML = item.failure.map { HTML("<p class=\"notice bad\">\($0)</p>") } ?? ""
            return """
                <li class="queue-item\(waiting ? " waiting" : "")"><strong>\(item.position).</strong> <a href="\(link)">\(item.change),\(item.patchSet)</a>
                \(item.subject) \(state)<br><span class="muted">\(item.buildsOn.isEmpty ? "on the tip of \(queue.branch)" : "on top of \(item.buildsOn)")\(eta)</span>\(failure)\(jobs(item.jobs))</li>
                """
        }
        return """
            <section class="box"><h2>\(queue.project) · \(queue.branch) <span class="muted">window \(queue.window), \(queue.items.count) queued</span></h2>
            <ol class="body history">\(items)</ol></section>
            """
    }

    private static func stateBadge(_ state: String) -> HTML {
        switch state {
        case "failing", "failed": Layout.badge("✗ \(state)", "bad")
        case "merging", "succeeded", "passed": Layout.badge("✓ \(state)", "ok")
        default: Layout.badge(state, "warn")
        }
    }

    static func jobs(_ jobs: [GateJobInfo]) -> HTML {
        guard !jobs.isEmpty else { return "" }
        let rows = jobs.map { job -> HTML in
            let elapsed = job.elapsedSeconds ?? 0
            let total = elapsed + (job.etaSeconds ?? 0)
            let percent = total > 0 ? min(100, Int(elapsed / total * 100)) : (job.state == "success" ? 100 : 0)
            let name: HTML = job.buildID.map { HTML("<a href=\"\(SiteURL.build($0))\">\(job.name)</a>") } ?? "\(job.name)"
            let eta: HTML = job.etaSeconds.map { HTML("ETA \(seconds($0))") } ?? ""
            return """
                <tr><td>\(name)</td><td>\(job.state)</td>
                <td><div class="progress" role="progressbar" aria-label="\(job.name) progress" aria-valuemin="0" aria-valuemax="100" aria-valuenow="\(percent)"><span class="w\(percent / 5 * 5)"></span></div></td>
                <td class="muted">\(job.elapsedSeconds.map { seconds($0) } ?? "") \(eta)</td></tr>
                """
        }
        return "<table>\(rows)</table>"
    }

    package static func seconds(_ value: Double) -> String {
        let whole = Int(value.rounded())
        return whole >= 60 ? "\(whole / 60) min \(whole % 60) s" : "\(whole) s"
    }
}
