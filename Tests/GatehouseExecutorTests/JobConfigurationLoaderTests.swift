import GatehouseCore
import GatehouseExecutor
import Testing

@Suite("Reading .gatehouse.yaml")
struct JobConfigurationLoaderTests {
    @Test("jobs, their limits, and the pipelines that run them")
    func fullFile() throws {
        let configuration = try JobConfigurationLoader.parse("""
            jobs:
              - name: unit
                run:
                  - make
                  - make test
                timeout: 1h30m
              - name: docs
                run: "make docs"
              - name: fetch
                run: [curl example.org]
                network: true
            pipelines:
              check: [unit, docs]
              gate: [unit]
            """, allowNetwork: true)
        #expect(configuration.jobs == [
            JobDefinition(name: "unit", commands: ["make", "make test"], timeoutSeconds: 5400),
            JobDefinition(name: "docs", commands: ["make docs"]),
            JobDefinition(name: "fetch", commands: ["curl example.org"], network: true),
        ])
        #expect(configuration.jobs(for: .check).map(\.name) == ["unit", "docs"])
        #expect(configuration.jobs(for: .gate).map(\.name) == ["unit"])
    }

    @Test("a file without pipelines runs nothing, and a commit may define no jobs at all")
    func noPipelines() throws {
        let configuration = try JobConfigurationLoader.parse("jobs:\n  - name: a\n    run: true\n", allowNetwork: false)
        #expect(configuration.jobs(for: .gate).isEmpty)
        #expect(try JobConfigurationLoader.parse("pipelines: {}\n", allowNetwork: false) == JobConfiguration())
    }

    @Test("durations", arguments: [
        ("90s", 90), ("20m", 1200), ("1h", 3600), ("1h30m", 5400), ("1h30m15s", 5415), ("45", 45), ("24h", 86400),
    ])
    func durations(text: String, seconds: Int) throws {
        let configuration = try JobConfigurationLoader.parse("jobs:\n  - name: a\n    run: true\n    timeout: \(text)\n", allowNetwork: false)
        #expect(configuration.jobs[0].timeoutSeconds == seconds)
    }

    @Test("refusals name the line, the column and what is wrong", arguments: [
        ("jobs:\n  - name: unit\n    rnu: true\n", 3, "unknown key \"rnu\" in a job (expected name, run, timeout, network)"),
        ("jobz: []\n", 1, "unknown key \"jobz\" in the file (expected jobs, pipelines)"),
        ("jobs:\n  - name: a\n    run: x\npipelines:\n  gate: [b]\n", 5, "pipeline gate runs job \"b\", which is not defined"),
        ("jobs:\n  - name: a\n    run: x\n  - name: a\n    run: y\n", 4, "job \"a\" is defined twice"),
        ("jobs:\n  - name: a\n    run: x\n    timeout: 30m1h\n", 4, "timeout \"30m1h\" is not a duration (write 90s, 20m, 1h or 1h30m)"),
        ("jobs:\n  - name: a\n    run: x\n    timeout: 25h\n", 4, "timeout \"25h\" is longer than the limit of 24h"),
        ("jobs:\n  - name: a\n    run: x\n    network: maybe\n", 4, "network must be true or false"),
        ("jobs:\n  - name: a\n    run: x\n    network: true\n", 4, "job \"a\" asks for network access, which this project does not allow"),
        ("jobs:\n  - name: a b\n    run: x\n", 2, "job name \"a b\" may use only letters, digits, '.', '_' and '-' (at most 100)"),
        ("jobs:\n  - name: a\n", 2, "job \"a\" needs run: the commands it runs"),
        ("jobs:\n  - name: a\n    run: []\n", 3, "job \"a\" runs no command"),
        ("pipelines:\n  merge: []\n", 2, "unknown key \"merge\" in pipelines (expected check, gate)"),
        ("jobs: unit\n", 1, "jobs must be a list of jobs"),
        ("jobs:\n  - name: a\n    run: [x\n", 4, "not valid YAML"),
    ])
    func refused(text: String, line: Int, message: String) {
        #expect {
            try JobConfigurationLoader.parse(text, allowNetwork: false)
        } throws: { error in
            guard let error = error as? JobConfigurationError else { return false }
            return error.line == line && error.message.hasPrefix(message) && error.description.hasPrefix(".gatehouse.yaml line \(line)")
        }
    }

    @Test("files that are not one UTF-8 document of a sane size")
    func wholeFileRefusals() {
        func message(_ bytes: [UInt8]) -> String? {
            do {
                _ = try JobConfigurationLoader.parse(bytes: bytes, allowNetwork: false)
                return nil
            } catch {
                return error.description
            }
        }
        #expect(message([0x6A, 0xFF, 0x3A]) == ".gatehouse.yaml: the file is not valid UTF-8")
        #expect(message(Array("".utf8)) == ".gatehouse.yaml: the file is empty; it needs a jobs list")
        #expect(message(Array(repeating: UInt8(ascii: "#"), count: 300_000))?.contains("the limit is 256 KiB") == true)
        #expect(message(Array("jobs: []\n---\njobs: []\n".utf8))?.contains("not valid YAML") == true)
    }
}
