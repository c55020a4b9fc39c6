/// The two pipelines a change passes through.
///
/// `check` is independent: every new patch set (and every `recheck`) is built on the current branch tip on its
/// own, and its result is the `Verified` vote. `gate` is dependent: approved changes are built on top of the
/// branch tip and every change queued ahead of them, and land from the head of the queue.
package enum PipelineName: String, Hashable, Sendable, CaseIterable, CustomStringConvertible {
    case check
    case gate

    package var description: String { rawValue }
}
