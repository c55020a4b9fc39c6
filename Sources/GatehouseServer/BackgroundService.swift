import ServiceLifecycle

/// A loop that runs beside the application until a graceful shutdown cancels it: the event tail's poll, the
/// webhook worker. Both keep their state in the database, so stopping them at any point loses nothing.
struct BackgroundService: Service {
    let body: @Sendable () async -> Void

    func run() async throws {
        await cancelWhenGracefulShutdown {
            await body()
        }
    }
}
