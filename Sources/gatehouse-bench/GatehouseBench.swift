import ArgumentParser

/// `gatehouse-bench`: each figure printed beside its reference, measured in the same run on the same machine.
@main
struct GatehouseBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gatehouse-bench",
        abstract: "Benchmarks for Gatehouse. Build with -c release for meaningful figures.",
        subcommands: [PushBench.self, SpawnBench.self, APIBench.self, GateBench.self, EventsBench.self, WebBench.self]
    )
}
