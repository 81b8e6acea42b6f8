// swift-tools-version:6.2
import Foundation
import PackageDescription

let package = Package(
    name: "Maillage",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "maillage", targets: ["maillage"]),
        .library(name: "MaillageCore", targets: ["MaillageCore"]),
        .library(name: "MaillageSources", targets: ["MaillageSources"]),
        .library(name: "MaillageStorage", targets: ["MaillageStorage"]),
        .library(name: "MaillageImport", targets: ["MaillageImport"]),
        .library(name: "MaillageWeb", targets: ["MaillageWeb"])
    ],
    dependencies: [
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth.git", from: "2.5.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache.git", from: "2.1.1"),
        .package(url: "https://github.com/apple/swift-crypto.git", "3.12.3"..<"5.0.0"),
        .package(url: "https://github.com/vapor/sql-kit.git", from: "3.36.0"),
        .package(url: "https://github.com/vapor/sqlite-kit.git", from: "4.5.2"),
        .package(url: "https://github.com/vapor/postgres-kit.git", from: "2.17.0"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-metrics.git", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-extras.git", from: "1.35.2"),
        .package(url: "https://github.com/apple/swift-http-types.git", from: "1.8.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation.git", from: "0.9.20")
    ],
    targets: [
        .systemLibrary(name: "CMaillageZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        .target(name: "MaillageCore"),
        .target(
            name: "MaillageSources",
            dependencies: ["MaillageCore", "CMaillageZlib", .product(name: "ZIPFoundation", package: "ZIPFoundation")]
        ),
        .target(
            name: "MaillageStorage",
            dependencies: [
                "MaillageCore",
                "MaillageSources",
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "SQLiteKit", package: "sqlite-kit"),
                .product(name: "PostgresKit", package: "postgres-kit"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Crypto", package: "swift-crypto")
            ]
        ),
        .target(
            name: "MaillageImport",
            dependencies: [
                "MaillageCore",
                "MaillageSources",
                "MaillageStorage",
                .product(name: "SQLKit", package: "sql-kit")
            ]
        ),
        .target(
            name: "MaillageWeb",
            dependencies: [
                "MaillageCore",
                "MaillageSources",
                "MaillageStorage",
                "MaillageImport",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "HummingbirdOTP", package: "hummingbird-auth"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle")
            ],
            resources: [.copy("Templates"), .copy("Public")]
        ),
        .executableTarget(
            name: "maillage",
            dependencies: [
                "MaillageCore",
                "MaillageSources",
                "MaillageStorage",
                "MaillageImport",
                "MaillageWeb",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus")
            ],
            resources: [.copy("Pack")]
        ),
        .target(
            name: "MaillageTestSupport",
            dependencies: [
                "MaillageCore", "MaillageSources", "MaillageStorage", .product(name: "Logging", package: "swift-log"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation")
            ],
            path: "Tests/MaillageTestSupport"
        ),
        .testTarget(name: "MaillageCoreTests", dependencies: ["MaillageCore"], exclude: ["Fixtures"]),
        .testTarget(name: "MaillageSourcesTests", dependencies: ["MaillageCore", "MaillageSources", "MaillageTestSupport"]),
        .testTarget(
            name: "MaillageStorageTests",
            dependencies: [
                "MaillageCore", "MaillageStorage", "MaillageSources", "MaillageImport", "MaillageTestSupport",
                .product(name: "SQLKit", package: "sql-kit")
            ]
        ),
        .testTarget(
            name: "MaillageWebTests",
            dependencies: [
                "MaillageCore",
                "MaillageStorage",
                "MaillageImport",
                "MaillageWeb",
                "MaillageTestSupport",
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "HummingbirdOTP", package: "hummingbird-auth"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "SQLKit", package: "sql-kit")
            ]
        )
    ],
    swiftLanguageModes: [.v6]
)

// Benchmarks (ordo-one/benchmark) are only part of the package when asked for, so that everyday builds and CI
// never build them: MAILLAGE_BENCHMARKS=1 swift package benchmark
if ProcessInfo.processInfo.environment["MAILLAGE_BENCHMARKS"] != nil {
    package.dependencies.append(.package(url: "https://github.com/ordo-one/benchmark.git", from: "1.38.1", traits: ["MallocInterposer"]))
    package.targets.append(
        .executableTarget(
            name: "MaillageBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                "MaillageCore", "MaillageSources", "MaillageStorage", "MaillageImport", "MaillageWeb",
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "HummingbirdTesting", package: "hummingbird")
            ],
            path: "Benchmarks/MaillageBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ))
}
