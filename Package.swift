// swift-tools-version: 6.0
import PackageDescription

/// The commit `dossier --version` names: DOSSIER_SOURCE_COMMIT from the environment (.ci/package
/// passes `git rev-parse HEAD`, with `-dirty` for uncommitted changes), else "unknown".
/// Only hexadecimal digits and `-dirty` are taken, so the value is always a plain C string.
let sourceCommit: String? = Context.environment["DOSSIER_SOURCE_COMMIT"].flatMap { value in
    let hash = value.hasSuffix("-dirty") ? String(value.dropLast(6)) : value
    let hex = "0123456789abcdef"
    return !hash.isEmpty && hash.count <= 64 && hash.allSatisfy { hex.contains($0) } ? value : nil
}

let package = Package(
    name: "Dossier",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "dossier", targets: ["dossier"]),
        .library(name: "DossierCore", targets: ["DossierCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache.git", from: "2.1.1"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation.git", from: "0.9.20"),
        .package(url: "https://github.com/apple/swift-crypto.git", from: "3.12.3"),
        // The HTTP server of `dossier serve`'s preview.
        .package(url: "https://github.com/swhitty/FlyingFox.git", from: "0.27.1"),
    ],
    targets: [
        // libcmark, the system C library (Debian: libcmark-dev).
        .systemLibrary(
            name: "CMark",
            path: "Sources/CMark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"])]
        ),
        // Turns the default templates/ folder into Swift source so the binary carries them.
        .executableTarget(name: "EmbedFiles", path: "Sources/EmbedFiles"),
        .plugin(
            name: "EmbedTemplatesPlugin",
            capability: .buildTool(),
            dependencies: ["EmbedFiles"],
            path: "Sources/EmbedTemplatesPlugin"
        ),
        // The output folder's atomic swap (renameat2 RENAME_EXCHANGE), which Glibc's module does not offer.
        .target(name: "CFolderSwap", path: "Sources/CFolderSwap"),
        .target(
            name: "DossierCore",
            dependencies: [
                "CMark",
                "CFolderSwap",
                .product(name: "Yams", package: "Yams"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "FlyingFox", package: "FlyingFox"),
                .product(name: "FlyingSocks", package: "FlyingFox"),
            ],
            path: "Sources/DossierCore",
            plugins: ["EmbedTemplatesPlugin"]
        ),
        // The source commit for `dossier --version` (see sourceCommit above).
        .target(
            name: "DossierBuildInfo",
            path: "Sources/DossierBuildInfo",
            cSettings: sourceCommit.map { [.define("DOSSIER_SOURCE_COMMIT", to: "\"\($0)\"")] } ?? []
        ),
        .executableTarget(
            name: "dossier",
            dependencies: [
                "DossierCore",
                "DossierBuildInfo",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "Sources/dossier"
        ),
        .testTarget(
            name: "DossierCoreTests",
            dependencies: [
                "DossierCore",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                .product(name: "Crypto", package: "swift-crypto"),
                // Only to show that Dossier's own Mustache renderer gives the same bytes as swift-mustache.
                .product(name: "Mustache", package: "swift-mustache"),
                // The preview's socket tests talk to the server through FlyingSocks' client socket.
                .product(name: "FlyingSocks", package: "FlyingFox"),
            ],
            path: "Tests/DossierCoreTests",
            // Golden SVG files, read by the chart tests through #filePath; the import tests' .docx
            // files and the script that makes them (Fixtures/import/make_fixtures.py).
            exclude: ["Golden", "MustacheSpec", "Fixtures"]
        ),
    ]
)
