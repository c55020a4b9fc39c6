/// How many items at the front of a gate queue may build at once.
///
/// Speculation pays when builds usually pass and wastes executors when they usually fail: each failure
/// restarts every item behind it. So the window adapts like TCP's congestion window, additive increase and
/// multiplicative decrease: it grows by `increase` each time an item merges and is divided by
/// `decreaseFactor` (never below `floor`) each time a build failure is reported at the head. It settles
/// near `2·increase·(1−f)/f` for a failure rate f (gating.md §c.2), which keeps the builds spent per merge
/// bounded whatever f is. Zuul's defaults: start 20, floor 3, +1, ÷2, no ceiling.
///
/// Only failures blamed at the head count: a failure caused by an item ahead is not counted twice.
package struct GateWindow: Hashable, Sendable {
    /// The current number of items, counted from the head, that may build.
    package private(set) var size: Int
    package let floor: Int
    /// The largest size the window may grow to; `nil` for no limit.
    package let ceiling: Int?
    package let increase: Int
    package let decreaseFactor: Int

    /// The configuration loader validates user values; here an inconsistent window is a programming error.
    package init(start: Int = 20, floor: Int = 3, ceiling: Int? = nil, increase: Int = 1, decreaseFactor: Int = 2) {
        precondition(floor >= 1, "a window below one item would stop the gate")
        precondition(start >= floor, "the window starts at or above its floor")
        precondition(ceiling.map { $0 >= start } ?? true, "the window starts at or below its ceiling")
        precondition(increase >= 0 && decreaseFactor >= 1, "the window never shrinks on success or grows on failure")
        self.size = start
        self.floor = floor
        self.ceiling = ceiling
        self.increase = increase
        self.decreaseFactor = decreaseFactor
    }

    /// Whether the item at `position` (0 is the head) may build.
    package func admits(position: Int) -> Bool { position < size }

    /// An item merged: speculation paid off, so allow one more.
    package mutating func itemMerged() {
        let grown = size + increase
        size = ceiling.map { min(grown, $0) } ?? grown
    }

    /// A build failure was blamed on the head: everything behind it was rebuilt, so speculate less.
    package mutating func itemFailed() {
        size = max(size / decreaseFactor, floor)
    }
}
