import GatehouseGate
import ServiceLifecycle

/// Runs the gate's scheduler in the server's service group, until a graceful shutdown cancels it.
///
/// Cancelling is safe at any point: every build and queue entry is in the database, and the next start
/// resumes from there.
struct GateService: Service {
    let scheduler: GateScheduler

    func run() async throws {
        try await cancelWhenGracefulShutdown {
            try await scheduler.run()
        }
    }
}
