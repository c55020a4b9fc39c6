import ArgumentParser
import Foundation
import GatehouseGit

/// What one git process costs the server: `git rev-parse --git-dir` through Gatehouse's runner, next to the
/// same command started by `/bin/sh` (fork and exec, no Swift in the way). A push runs about five of them.
struct SpawnBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "spawn", abstract: "Cost of starting one git process.")

    @Option(help: "Processes to start for each side.")
    var count = 200

    func run() async throws {
        let git = Git()
        var runner = Sample()
        var shell = Sample()
        for index in -10..<count {
            let viaRunner = try await measure { _ = try await git.checked(["--version"]) }
            let viaShell = try await measure { _ = try await Git(executable: "/bin/sh").checked(["-c", "exec \(git.executable) --version >/dev/null"]) }
            if index >= 0 {
                runner.add(viaRunner)
                shell.add(viaShell)
            }
        }
        print("git --version through the server's runner: median \(format(runner.median)) ms, p99 \(format(runner.percentile(99))) ms")
        print("/bin/sh -c 'exec git --version' through it (reference: one more exec): median \(format(shell.median)) ms")
    }
}
