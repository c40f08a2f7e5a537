// swift-tools-version: 6.0
import PackageDescription

/// libFuzzer targets for Dossier's parsers (see `run`). Built apart from the main package, with
/// AddressSanitizer and libFuzzer's coverage everywhere (given on the command line, see `run`) and
/// libFuzzer itself linked into these targets only: `-sanitize=fuzzer` on every target would also
/// link it into the main package's build tool (EmbedFiles), which has a main of its own. Each
/// target's main only names its entry point in `FuzzTargets`; `FuzzDriver` holds the libFuzzer glue.
let targets = ["splitter", "frontmatter", "chart", "table", "template", "page"]

let package = Package(
    name: "DossierFuzz",
    platforms: [.macOS(.v14)],
    dependencies: [.package(name: "Dossier", path: "../..")],
    targets: [.target(name: "FuzzDriver", path: "Sources/FuzzDriver")] + targets.map { name in
        .executableTarget(
            name: "fuzz-\(name)",
            dependencies: [.product(name: "DossierCore", package: "Dossier"), "FuzzDriver"],
            path: "Sources/\(name)",
            swiftSettings: [.unsafeFlags(["-sanitize=fuzzer,address"])],
            linkerSettings: [.unsafeFlags(["-sanitize=fuzzer,address"])]
        )
    }
)
