import Foundation
import SystemPackage

/// The build log while it is written: a header, the job's output up to the limit, and a footer.
///
/// The runner reads the job's output from a pipe and writes it here itself, never handing the child the log's
/// descriptor: that is what lets it cap the size and keep the footer last. Every write goes straight to the file
/// (no buffering), so a reader tailing the log sees output as it arrives.
final class JobLog {
    private let descriptor: FileDescriptor
    private let limit: Int
    /// Bytes of job output seen, kept or not.
    private(set) var outputBytes = 0
    /// Bytes of job output written to the log.
    private(set) var keptBytes = 0
    /// Whether the last byte written was a newline, so the footer always starts its own line.
    private var atLineStart = true
    /// The first write that failed (disk full, say); later writes are skipped but the job's output is still drained.
    private(set) var writeError: (any Error)?

    var truncated: Bool { outputBytes > keptBytes }

    /// Creates (or appends to) the log at `path`; throws when it can't, since then there is nowhere to say why.
    init(path: String, limit: Int) throws {
        descriptor = try FileDescriptor.open(
            FilePath(path), .writeOnly, options: [.create, .append, .closeOnExec],
            permissions: [.ownerReadWrite, .groupRead, .otherRead]
        )
        self.limit = max(0, limit)
    }

    deinit {
        try? descriptor.close()
    }

    /// Writes the lines that say how the job is about to run: when, and how isolated. The commands themselves
    /// are echoed by the job's script as each starts, so their output follows them.
    func header(sandbox: SandboxMode, network: Bool, processLimit: String) {
        note("job started \(Date().ISO8601Format())")
        note("sandbox: \(sandbox.logDescription), network: \(network ? "shared with the host" : "none")")
        note(processLimit)
    }

    /// Writes one `# …` line of the runner's own, on a line of its own.
    func note(_ text: String) {
        write(Array(((atLineStart ? "" : "\n") + "# " + text + "\n").utf8))
    }

    /// Appends job output, keeping bytes up to the limit and counting the rest.
    func output(_ bytes: UnsafeRawBufferPointer) {
        let room = max(0, limit - keptBytes)
        outputBytes += bytes.count
        let kept = min(room, bytes.count)
        guard kept > 0 else { return }
        keptBytes += kept
        write(UnsafeRawBufferPointer(rebasing: bytes[..<kept]))
    }

    /// Ends the log: the truncation note when output passed the limit, then the result line, always last.
    func finish(_ footer: String) {
        if truncated {
            note("output truncated at \(LogText.size(limit)) (\(outputBytes - keptBytes) bytes more discarded)")
        }
        note(footer)
    }

    private func write(_ bytes: some Sequence<UInt8>) {
        guard writeError == nil else { return }
        var last: UInt8?
        do {
            _ = try descriptor.writeAll(bytes)
            last = bytes.reversed().first
        } catch {
            writeError = error
        }
        if let last { atLineStart = last == UInt8(ascii: "\n") }
    }

    private func write(_ bytes: UnsafeRawBufferPointer) {
        guard writeError == nil, let last = bytes.last else { return }
        do {
            _ = try descriptor.writeAll(bytes)
            atLineStart = last == UInt8(ascii: "\n")
        } catch {
            writeError = error
        }
    }
}
