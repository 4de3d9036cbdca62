// swift-tools-version:5.9
// The Swift binding of claimgraph as a Swift package, for macOS tests and iOS apps.
//
// Nothing here is committed that a build produces: `Generated/` holds the Swift source, header
// and module map from uniffi-bindgen (scripts/test-kotlin writes them), and `build/` the
// xcframework of the static library (see the README, "Kotlin and Swift").
import PackageDescription

let package = Package(
    name: "ClaimGraph",
    platforms: [.macOS(.v12), .iOS(.v15)],
    products: [
        .library(name: "ClaimGraph", targets: ["ClaimGraph"]),
    ],
    targets: [
        // The Rust library with its C header; its module is the `claimgraphFFI` that the
        // generated Swift imports.
        .binaryTarget(name: "claimgraphFFI", path: "build/claimgraphFFI.xcframework"),
        .target(
            name: "ClaimGraph",
            dependencies: ["claimgraphFFI"],
            path: "Generated",
            sources: ["claimgraph.swift"]
        ),
        .testTarget(
            name: "ClaimGraphTests",
            dependencies: ["ClaimGraph"],
            path: "Tests/ClaimGraphTests"
        ),
    ]
)
