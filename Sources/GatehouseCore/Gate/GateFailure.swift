/// Why a queue item is failing: the text of the message left on the change when it is ejected at the head.
package enum GateFailure: Hashable, Sendable, CustomStringConvertible {
    /// These jobs failed on every allowed attempt, in the order the item lists its jobs.
    case jobsFailed([String])
    /// The change does not merge onto its speculative base; the files git could not merge.
    case mergeConflict(files: [String])

    /// Whether reporting this failure shrinks the window.
    ///
    /// The window tracks how often *builds* fail, to bound the builds wasted behind a failure. A merge
    /// conflict costs no build (it is found before any job starts) and says nothing about the test failure
    /// rate, so, as in Zuul, it leaves the window alone.
    package var shrinksWindow: Bool {
        if case .jobsFailed = self { true } else { false }
    }

    package var description: String {
        switch self {
        case .jobsFailed(let jobs):
            jobs.count == 1 ? "job \(jobs[0]) failed" : "jobs \(jobs.joined(separator: ", ")) failed"
        case .mergeConflict(let files):
            files.isEmpty ? "merge conflict" : "merge conflict in \(files.joined(separator: ", "))"
        }
    }
}
