import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// The server process's memory, from Linux's `/proc`.
///
/// `ServerProcess` keeps its `Process` private, so the bench finds the server as its own child named
/// `gatehouse`: it starts exactly one (wrk runs only later and exits), which makes the match unambiguous.
struct ProcessStatus {
    let pid: Int32

    /// The running child of this process whose command name is `name`.
    static func child(named name: String) throws -> ProcessStatus {
        let me = getpid()
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        for entry in entries {
            guard let pid = Int32(entry), let stat = try? String(contentsOfFile: "/proc/\(entry)/stat", encoding: .utf8),
                let open = stat.firstIndex(of: "("), let close = stat.lastIndex(of: ")")
            else { continue }
            // `pid (comm) state ppid …`; comm may itself contain spaces or parentheses, hence the last ")".
            let command = stat[stat.index(after: open)..<close]
            let rest = stat[stat.index(after: close)...].split(separator: " ")
            if command == name, rest.count > 1, Int32(rest[1]) == me { return ProcessStatus(pid: pid) }
        }
        throw BenchError("cannot find the gatehouse server among this process's children in /proc (the bench needs Linux)")
    }

    /// Resident memory now (VmRSS) and its peak so far (VmHWM), in MiB.
    func memory() throws -> (resident: Double, peak: Double) {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8) else {
            throw BenchError("cannot read /proc/\(pid)/status: did the server exit?")
        }
        func field(_ name: String) throws -> Double {
            guard let line = status.split(separator: "\n").first(where: { $0.hasPrefix(name + ":") }),
                let kilobytes = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).dropFirst().first.flatMap({ Double($0) })
            else { throw BenchError("no \(name) in /proc/\(pid)/status") }
            return kilobytes / 1024
        }
        return (try field("VmRSS"), try field("VmHWM"))
    }
}
