// swift-tools-version:6.1
import PackageDescription

// Layers, lowest first; nothing imports upward:
//   C shims (CLibXML2, CCurl, CUchardet)
//   → WinnowHTML (libxml2 documents, CSS→XPath, text walk, charset)  ·  WinnowHTTP (libcurl fetcher, politeness)
//   → WinnowCore (rules, cleaner, extractor, metadata, snapshots, scrape pipeline)
//   → winnow (the thin command-line executable)
let package = Package(
    name: "Winnow",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "winnow", targets: ["winnow"]),
        .library(name: "WinnowCore", targets: ["WinnowCore"]),
        .library(name: "WinnowHTML", targets: ["WinnowHTML"]),
        .library(name: "WinnowHTTP", targets: ["WinnowHTTP"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
    ],
    targets: [
        // MARK: C shims
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        .systemLibrary(
            name: "CCurl",
            pkgConfig: "libcurl",
            providers: [.apt(["libcurl4-openssl-dev"])]
        ),
        .systemLibrary(
            name: "CUchardet",
            pkgConfig: "uchardet",
            providers: [.apt(["libuchardet-dev"])]
        ),

        // MARK: HTML and HTTP
        .target(
            name: "WinnowHTML",
            dependencies: ["CLibXML2", "CUchardet"]
        ),
        .target(
            name: "WinnowHTTP",
            dependencies: [
                "CCurl",
                .product(name: "Logging", package: "swift-log"),
            ]
        ),

        // MARK: Core
        .target(
            name: "WinnowCore",
            dependencies: [
                "WinnowHTML",
                "WinnowHTTP",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),

        // MARK: CLI
        .executableTarget(
            name: "winnow",
            dependencies: [
                "WinnowCore",
                "WinnowHTTP",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),

        // MARK: Tests
        .target(
            name: "WinnowTestSupport",
            dependencies: [
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
            ],
            path: "Tests/WinnowTestSupport"
        ),
        .testTarget(
            name: "WinnowHTMLTests",
            dependencies: ["WinnowHTML"]
        ),
        .testTarget(
            name: "WinnowHTTPTests",
            dependencies: ["WinnowHTTP", "WinnowTestSupport"]
        ),
        .testTarget(
            name: "WinnowCoreTests",
            dependencies: ["WinnowCore", "WinnowHTML", "WinnowHTTP", "WinnowTestSupport"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
