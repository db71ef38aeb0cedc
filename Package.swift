// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "sikim",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "sikim", targets: ["sikim"]),
    ],
    dependencies: [
        .package(url: "https://github.com/vapor/vapor.git", from: "4.122.0"),
        .package(url: "https://github.com/vapor/fluent.git", from: "4.13.0"),
        .package(url: "https://github.com/vapor/fluent-sqlite-driver.git", from: "4.9.0"),
        .package(url: "https://github.com/vapor/fluent-postgres-driver.git", from: "2.14.0"),
        .package(url: "https://github.com/vapor/fluent-kit.git", from: "1.52.0"),
        .package(url: "https://github.com/vapor/sql-kit.git", from: "3.32.0"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.65.0"),
        // Hashes for the services, which do not import Vapor (Vapor already depends on it).
        .package(url: "https://github.com/apple/swift-crypto.git", "3.0.0"..<"5.0.0"),
        .package(url: "https://github.com/vapor/leaf.git", from: "4.5.0"),
        .package(url: "https://github.com/pointfreeco/swift-snapshot-testing.git", from: "1.19.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation.git", from: "0.9.19"),
        // Tests release racing requests at a real server through it (Vapor already depends on it).
        .package(url: "https://github.com/swift-server/async-http-client.git", from: "1.24.0"),
    ],
    targets: [
        // Domain rules in plain Swift: no Vapor, no Fluent.
        .target(name: "SIKIMCore"),
        // Models, migrations, repositories, the fast paths and the caches: Fluent and SQL, no Vapor.
        .target(
            name: "SIKIMData",
            dependencies: [
                "SIKIMCore",
                .product(name: "FluentKit", package: "fluent-kit"),
                .product(name: "FluentSQL", package: "fluent-kit"),
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "FluentSQLiteDriver", package: "fluent-sqlite-driver"),
                .product(name: "FluentPostgresDriver", package: "fluent-postgres-driver"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
            ],
            resources: [.copy("Resources")]
        ),
        .target(
            name: "SIKIMServer",
            dependencies: [
                "SIKIMCore",
                "SIKIMData",
                .product(name: "Vapor", package: "vapor"),
                .product(name: "Fluent", package: "fluent"),
                .product(name: "FluentSQLiteDriver", package: "fluent-sqlite-driver"),
                .product(name: "FluentPostgresDriver", package: "fluent-postgres-driver"),
                .product(name: "Leaf", package: "leaf"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            resources: [.copy("Resources")]
        ),
        .executableTarget(
            name: "sikim",
            dependencies: ["SIKIMServer", .product(name: "Vapor", package: "vapor")]
        ),
        .testTarget(name: "SIKIMCoreTests", dependencies: ["SIKIMCore"]),
        .testTarget(
            name: "SIKIMServerTests",
            dependencies: [
                "SIKIMServer",
                "SIKIMData",
                .product(name: "XCTVapor", package: "vapor"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "SnapshotTesting", package: "swift-snapshot-testing"),
            ],
            exclude: ["__Snapshots__"]
        ),
    ]
)
