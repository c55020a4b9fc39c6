/// Why a `.gatehouse.yaml` was refused, with the position a person needs to fix it.
///
/// The text is posted on the change (with a `Verified −1`), so it reads as a sentence about the file:
/// `.gatehouse.yaml line 4, column 5: unknown key "rnu" in job "unit" (expected name, run, timeout, network)`.
package struct JobConfigurationError: Error, Hashable, Sendable, CustomStringConvertible {
    /// 1-based; nil when the problem concerns the whole file (it is empty, or not UTF-8).
    package var line: Int?
    package var column: Int?
    package var message: String

    package init(line: Int?, column: Int? = nil, message: String) {
        self.line = line
        self.column = column
        self.message = message
    }

    package var description: String {
        switch (line, column) {
        case (let line?, let column?): ".gatehouse.yaml line \(line), column \(column): \(message)"
        case (let line?, nil): ".gatehouse.yaml line \(line): \(message)"
        default: ".gatehouse.yaml: \(message)"
        }
    }
}
