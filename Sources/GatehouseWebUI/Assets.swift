/// The stylesheet and the script, served at `/static/gatehouse.css` and `/static/gatehouse.js`.
///
/// Small enough to keep in the binary: no build step, no files to install beside it. The script only
/// enhances: every page works without it.
package enum Assets {
    private static let stylesheet = """
        :root { --fg:#1f2328; --muted:#59636e; --line:#d1d9e0; --bg:#fff; --soft:#f6f8fa; --accent:#0969da;
          --ok:#1a7f37; --ok-bg:#dafbe1; --bad:#cf222e; --bad-bg:#ffebe9; --warn:#9a6700; --warn-bg:#fff8c5;
          --add:#e6ffec; --add-strong:#abf2bc; --del:#ffebe9; --del-strong:#ffcecb; }
        * { box-sizing: border-box; }
        body { margin:0; font:14px/1.5 -apple-system, "Segoe UI", "Noto Sans", Helvetica, Arial, sans-serif; color:var(--fg); background:var(--bg); }
        a { color:var(--accent); text-decoration:none; } a:hover { text-decoration:underline; }
        :focus-visible { outline:2px solid var(--accent); outline-offset:2px; }
        .skip { position:absolute; left:-999px; } .skip:focus { left:8px; top:8px; background:#fff; padding:4px 8px; z-index:9; }
        .visually-hidden { position:absolute; width:1px; height:1px; overflow:hidden; clip:rect(0 0 0 0); }
        header.top { display:flex; flex-wrap:wrap; gap:8px 16px; align-items:center; padding:8px 16px; background:#24292f; color:#fff; }
        header.top a, header.top .who, header.top button.link { color:#fff; }
        header.top nav { display:flex; flex-wrap:wrap; gap:12px; align-items:center; }
        header.top .brand { font-weight:700; font-size:16px; }
        header.top .search { flex:1 1 220px; } header.top .search input { width:100%; padding:5px 8px; border-radius:6px; border:1px solid #57606a; }
        header.top .account { display:flex; gap:8px; align-items:center; }
        main { max-width:1280px; margin:0 auto; padding:16px; }
        h1 { font-size:22px; margin:8px 0 4px; font-weight:600; } h2 { font-size:16px; margin:24px 0 8px; }
        .muted { color:var(--muted); }
        form.inline { display:inline; }
        button, .button { font:inherit; padding:5px 12px; border-radius:6px; border:1px solid var(--line); background:var(--soft); cursor:pointer; color:var(--fg); }
        button.primary { background:#1f883d; color:#fff; border-color:#1a7f37; }
        button.link { background:none; border:none; padding:0; color:var(--accent); cursor:pointer; }
        input[type=text], input[type=password], textarea, select { font:inherit; padding:5px 8px; border:1px solid var(--line); border-radius:6px; }
        textarea { width:100%; min-height:5em; }
        table { border-collapse:collapse; width:100%; }
        th, td { text-align:left; padding:6px 8px; border-bottom:1px solid var(--line); vertical-align:top; }
        th { font-weight:600; background:var(--soft); }
        .scroll { overflow-x:auto; }
        .badge { display:inline-block; padding:0 7px; border-radius:10px; font-size:12px; font-weight:600; border:1px solid transparent; white-space:nowrap; }
        .ok { background:var(--ok-bg); color:var(--ok); border-color:#4ac26b; }
        .bad { background:var(--bad-bg); color:var(--bad); border-color:#ff8182; }
        .warn { background:var(--warn-bg); color:var(--warn); border-color:#d4a72c; }
        .neutral { background:var(--soft); color:var(--muted); border-color:var(--line); }
        .box { border:1px solid var(--line); border-radius:6px; margin:12px 0; }
        .box > h2, .box > .head { margin:0; padding:8px 12px; background:var(--soft); border-bottom:1px solid var(--line); font-size:14px; }
        .box > .body { padding:8px 12px; }
        .grid { display:grid; grid-template-columns: minmax(0,2fr) minmax(0,1fr); gap:16px; }
        @media (max-width: 800px) { .grid { grid-template-columns: 1fr; } }
        pre.message { white-space:pre-wrap; font:13px/1.45 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; margin:0; }
        dl.meta { display:grid; grid-template-columns:max-content 1fr; gap:4px 12px; margin:0; } dl.meta dt { color:var(--muted); } dl.meta dd { margin:0; overflow-wrap:anywhere; }
        table.diff { font:12px/1.5 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; table-layout:fixed; }
        table.diff td { border:none; padding:0 8px; white-space:pre-wrap; word-break:break-all; }
        table.diff col.n { width:4.5em; } table.diff col.s { width:1.5em; }
        table.diff td.num { text-align:right; color:var(--muted); user-select:none; padding:0 6px; }
        table.diff td.num a { color:inherit; }
        table.diff td.sign { user-select:none; color:var(--muted); }
        table.diff tr.add td.code, table.diff td.code.add { background:var(--add); } table.diff tr.del td.code, table.diff td.code.del { background:var(--del); }
        table.diff ins { background:var(--add-strong); text-decoration:none; } table.diff del { background:var(--del-strong); text-decoration:none; }
        table.diff tr.skip td { background:var(--soft); color:var(--muted); text-align:center; }
        table.diff tr.comments td { white-space:normal; font:14px/1.5 -apple-system, "Segoe UI", sans-serif; padding:6px 12px; background:#fbfbfb; }
        .comment { border:1px solid var(--line); border-radius:6px; padding:6px 10px; margin:4px 0; background:#fff; }
        .comment.unresolved { border-left:4px solid var(--warn); }
        .comment.draft { border-style:dashed; background:#fbfbfb; }
        .placeholder { padding:12px; color:var(--muted); font-style:italic; }
        .progress { height:8px; background:var(--soft); border:1px solid var(--line); border-radius:4px; overflow:hidden; min-width:80px; }
        .progress > span { display:block; height:100%; background:var(--accent); }
        .queue-item { border:1px solid var(--line); border-radius:6px; margin:8px 0; padding:8px 12px; }
        .queue-item.waiting { opacity:.7; border-style:dashed; }
        .notice { padding:8px 12px; border-radius:6px; margin:8px 0; }
        pre.log { background:#0d1117; color:#e6edf3; padding:12px; border-radius:6px; overflow-x:auto; font:12px/1.45 ui-monospace, Menlo, monospace; white-space:pre-wrap; }
        .votes th { width:35%; } .votes td.value { font-weight:600; }
        .filelist td.stat { white-space:nowrap; text-align:right; }
        ol.history { list-style:none; padding-left:12px; }
        fieldset { border:1px solid var(--line); border-radius:6px; margin:0 0 8px; } fieldset label { margin-right:10px; white-space:nowrap; }
        """

    /// The whole stylesheet: the rules above and the progress bars' widths in 5 % steps (no inline styles,
    /// which the Content-Security-Policy forbids).
    package static let css = stylesheet + "\n" + (0...20).map { ".progress > span.w\($0 * 5) { width: \($0 * 5)%; }" }.joined(separator: "\n") + "\n"

    package static let script = """
        // Progressive enhancement only: every page works without this file.
        (function () {
          var live = document.body.getAttribute("data-live");
          if (!live) return;
          var main = document.getElementById("main");
          function refresh() {
            fetch(location.href, { headers: { "Accept": "text/html" }, credentials: "same-origin" })
              .then(function (r) { return r.text(); })
              .then(function (text) {
                var page = new DOMParser().parseFromString(text, "text/html").getElementById("main");
                if (page) main.innerHTML = page.innerHTML;
              }).catch(function () {});
          }
          if (live === "status") {
            var pending = null;
            var source = new EventSource("/events");
            source.onmessage = function () { if (!pending) pending = setTimeout(function () { pending = null; refresh(); }, 250); };
            setInterval(refresh, 2000);
          } else if (live === "log") {
            var timer = setInterval(function () {
              if (document.querySelector("[data-finished]")) { clearInterval(timer); return; }
              refresh();
            }, 1000);
          } else if (live.indexOf("change:") === 0) {
            var number = live.slice(7);
            var updates = new EventSource("/events");
            updates.onmessage = function (event) {
              try { var data = JSON.parse(event.data); } catch (e) { return; }
              if (!data.change || String(data.change.number) !== number) return;
              var banner = document.getElementById("updated");
              if (banner) banner.hidden = false;
            };
          }
        })();
        """
}
