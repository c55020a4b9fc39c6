// swift-tools-version:6.2
// Targets are sorted by layer (see Docs/Modules.md); each test target sits next to its target.
// Dependencies point downward only: Core ← Git/Store/Executor ← Review/APIModels ← HTTP ← Server ← gatehouse.
import PackageDescription

let settings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

let package = Package(
    name: "Gatehouse",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "gatehouse", targets: ["gatehouse"]),
        .executable(name: "gatehouse-bench", targets: ["gatehouse-bench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.3"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
        .package(url: "https://github.com/apple/swift-system", from: "1.8.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/swiftlang/swift-subprocess", from: "1.0.2"),
        .package(url: "https://github.com/vapor/postgres-kit", from: "2.17.0"),
        .package(url: "https://github.com/vapor/sql-kit", from: "3.36.0"),
        .package(url: "https://github.com/vapor/sqlite-kit", from: "4.5.2"),
    ],
    targets: [
        // L0
        /** Pure domain model: typed IDs, entities, parsing rules. No I/O. */
        .target(name: "GatehouseCore", swiftSettings: settings),
        .testTarget(name: "GatehouseCoreTests", dependencies: ["GatehouseCore"], swiftSettings: settings),

        // L1
        /** The git CLI, driven as subprocesses: bare repositories, packs, refs, smart HTTP. */
        .target(
            name: "GatehouseGit",
            dependencies: [
                "GatehouseCore",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Subprocess", package: "swift-subprocess"),
                .product(name: "SystemPackage", package: "swift-system"),
            ],
            swiftSettings: settings
        ),
        .testTarget(
            name: "GatehouseGitTests",
            dependencies: ["GatehouseGit", "GatehouseTesting"],
            swiftSettings: settings
        ),
        /** The Store contract and every query, written once against SQLKit for both backends. */
        .target(
            name: "GatehouseStore",
            dependencies: [
                "GatehouseCore",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "SQLKit", package: "sql-kit"),
            ],
            swiftSettings: settings
        ),
        .testTarget(
            name: "GatehouseStoreTests",
            dependencies: [
                "GatehouseSQLite",
                "GatehouseStore",
                "GatehouseTesting",
                .product(name: "SQLKit", package: "sql-kit"),
            ],
            swiftSettings: settings
        ),
        /** The embedded default backend: SQLite in WAL mode, one writer and a few readers, driven through SQLite's C API
            (the copy sqlite-nio vendors as VaporCSQLite, which comes with SQLiteKit; SQLiteKit gives the SQL dialect). */
        .target(
            name: "GatehouseSQLite",
            dependencies: [
                "GatehouseStore",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "SQLiteKit", package: "sqlite-kit"),
            ],
            swiftSettings: settings
        ),
        /** Runs one job in a prepared workspace under bubblewrap; reads `.gatehouse.yaml`. Knows no git or SQL. */
        .target(
            name: "GatehouseExecutor",
            dependencies: [
                "GatehouseCore",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Subprocess", package: "swift-subprocess"),
                .product(name: "SystemPackage", package: "swift-system"),
                .product(name: "Yams", package: "Yams"),
            ],
            swiftSettings: settings
        ),
        .testTarget(
            name: "GatehouseExecutorTests",
            dependencies: ["GatehouseExecutor"],
            swiftSettings: settings
        ),
        /** The scale backend: PostgreSQL through a PostgresClient pool. */
        .target(
            name: "GatehousePostgres",
            dependencies: [
                "GatehouseStore",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "PostgresKit", package: "postgres-kit"),
                .product(name: "SQLKit", package: "sql-kit"),
            ],
            swiftSettings: settings
        ),

        // L2
        /** Gerrit-compatible JSON shapes shared by the server and clients, and the writer that serves them. */
        .target(name: "GatehouseAPIModels", swiftSettings: settings),
        .testTarget(name: "GatehouseAPIModelsTests", dependencies: ["GatehouseAPIModels"], swiftSettings: settings),
        /** Review use cases, one operation per file: uploads, accounts, projects. */
        .target(
            name: "GatehouseReview",
            dependencies: [
                "GatehouseAPIModels",
                "GatehouseCore",
                "GatehouseGit",
                "GatehouseStore",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "CryptoExtras", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: settings
        ),
        .testTarget(
            name: "GatehouseReviewTests",
            dependencies: ["GatehouseReview", "GatehouseTesting"],
            swiftSettings: settings
        ),

        /** The event log's readers: the in-memory tail that SSE streams follow, the webhook worker, and mail over SMTP. */
        .target(
            name: "GatehouseEvents",
            dependencies: [
                "GatehouseAPIModels",
                "GatehouseCore",
                "GatehouseReview",
                "GatehouseStore",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ],
            swiftSettings: settings
        ),

        .testTarget(
            name: "GatehouseEventsTests",
            dependencies: ["GatehouseAPIModels", "GatehouseCore", "GatehouseEvents"],
            swiftSettings: settings
        ),

        /** The check and gate pipelines: the GateScheduler actor drives GateQueue with git, the executor and the store. */
        .target(
            name: "GatehouseGate",
            dependencies: [
                "GatehouseAPIModels",
                "GatehouseCore",
                "GatehouseExecutor",
                "GatehouseGit",
                "GatehouseReview",
                "GatehouseStore",
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: settings
        ),

        /** The web pages as models and views: HTML rendered to a string, escaped by construction; no server. */
        .target(
            name: "GatehouseWebUI",
            dependencies: [
                "GatehouseAPIModels",
                "GatehouseCore",
            ],
            swiftSettings: settings
        ),
        .testTarget(
            name: "GatehouseWebUITests",
            dependencies: ["GatehouseAPIModels", "GatehouseTesting", "GatehouseWebUI"],
            swiftSettings: settings
        ),

        // L3
        /** Hummingbird routes: Gerrit REST, git smart HTTP, the commit-msg hook, the web pages. */
        .target(
            name: "GatehouseHTTP",
            dependencies: [
                "GatehouseAPIModels",
                "GatehouseCore",
                "GatehouseEvents",
                "GatehouseGate",
                "GatehouseGit",
                "GatehouseReview",
                "GatehouseStore",
                "GatehouseWebUI",
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: settings
        ),

        // L4
        /** Composition root: configuration, backend choice, first-start bootstrap, the service group. */
        .target(
            name: "GatehouseServer",
            dependencies: [
                "GatehouseCore",
                "GatehouseEvents",
                "GatehouseExecutor",
                "GatehouseGate",
                "GatehouseGit",
                "GatehouseHTTP",
                "GatehousePostgres",
                "GatehouseReview",
                "GatehouseSQLite",
                "GatehouseStore",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: settings
        ),
        /** The REST client behind the command line's review commands. */
        .target(
            name: "GatehouseClient",
            dependencies: [
                "GatehouseAPIModels",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOFoundationCompat", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ],
            swiftSettings: settings
        ),
        /** Test support: isolated git, throwaway databases, a live server on a free port, sample page models. */
        .target(
            name: "GatehouseTesting",
            dependencies: [
                "GatehouseAPIModels",
                "GatehouseCore",
                "GatehouseGit",
                "GatehousePostgres",
                "GatehouseServer",
                "GatehouseSQLite",
                "GatehouseStore",
                "GatehouseWebUI",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOFoundationCompat", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "SQLKit", package: "sql-kit"),
            ],
            swiftSettings: settings
        ),
        .testTarget(
            name: "GatehouseServerTests",
            dependencies: [
                "GatehouseGit",
                "GatehouseServer",
                "GatehouseStore",
                "GatehouseTesting",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ],
            swiftSettings: settings
        ),

        // L5
        /** The command line: serve, and (later) review clients. Thin: parse, call, print. */
        .executableTarget(
            name: "gatehouse",
            dependencies: [
                "GatehouseAPIModels",
                "GatehouseClient",
                "GatehouseServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
            ],
            swiftSettings: settings
        ),
        /** Benchmarks that print each figure beside its reference measured in the same run. */
        .executableTarget(
            name: "gatehouse-bench",
            dependencies: [
                "GatehouseAPIModels",
                "GatehouseCore",
                "GatehouseGit",
                "GatehouseServer",
                "GatehouseStore",
                "GatehouseTesting",
                "GatehouseWebUI",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "SQLKit", package: "sql-kit"),
            ],
            swiftSettings: settings
        ),
    ]
)
