// swift-tools-version: 6.1
// AmeliDocs: the CEAM and online-proxy teleservices' rules, documents and request interface.
// Data flows one way: Records <- TeleserviceRules <- Documents <- ... <- HTTPService / ameli-docs (see STYLE.md).
import PackageDescription

/// Every target gets the same strictness, so that a C type or an `any` cannot slip into a public API unnoticed.
let strict: [SwiftSetting] = [
    .enableUpcomingFeature("InternalImportsByDefault"),
    .enableUpcomingFeature("MemberImportVisibility"),
    .enableUpcomingFeature("ExistentialAny"),
]

let package = Package(
    name: "AmeliDocs",
    platforms: [.macOS(.v14)],
    products: [
        .library(name: "Records", targets: ["Records"]),
        .library(name: "TeleserviceRules", targets: ["TeleserviceRules"]),
        .executable(name: "ameli-docs", targets: ["ameli-docs"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
    ],
    targets: [
        .target(name: "Records", swiftSettings: strict),
        .target(name: "TeleserviceRules", dependencies: ["Records"], swiftSettings: strict),
        .target(name: "DisplayList", swiftSettings: strict),

        // Rendering engine: fonts, then the two backends. Only these targets touch the C libraries.
        .systemLibrary(name: "CFreeType", pkgConfig: "freetype2", providers: [.apt(["libfreetype-dev"])]),
        .systemLibrary(name: "CHarfBuzz", pkgConfig: "harfbuzz-subset", providers: [.apt(["libharfbuzz-dev"])]),
        .target(name: "Typography", dependencies: ["DisplayList", "Records", "CFreeType", "CHarfBuzz"],
                swiftSettings: strict),
        .systemLibrary(name: "CHaru", providers: [.apt(["libhpdf-dev"])]),
        .target(name: "PDFRenderer", dependencies: ["DisplayList", "Typography", "CHaru"], swiftSettings: strict),
        .systemLibrary(name: "CPNG", pkgConfig: "libpng", providers: [.apt(["libpng-dev"])]),
        .target(name: "PNGRenderer", dependencies: ["DisplayList", "Typography", "CFreeType", "CPNG"],
                swiftSettings: strict),
        .testTarget(name: "RecordsTests", dependencies: ["Records"], swiftSettings: strict),
        .testTarget(name: "TeleserviceRulesTests", dependencies: ["TeleserviceRules", "Records"], swiftSettings: strict),
        .testTarget(name: "TypographyTests", dependencies: ["Typography", "DisplayList", "Records"], swiftSettings: strict),
        .target(name: "EngineTestSupport", dependencies: ["DisplayList", "Typography", "CPNG"],
                path: "Tests/EngineTestSupport", swiftSettings: strict),
        .testTarget(name: "PDFRendererTests",
                    dependencies: ["PDFRenderer", "Typography", "DisplayList", "Records", "EngineTestSupport"],
                    swiftSettings: strict),
        .testTarget(name: "PNGRendererTests",
                    dependencies: ["PNGRenderer", "PDFRenderer", "Typography", "DisplayList", "Records", "EngineTestSupport"],
                    swiftSettings: strict),

        // Documents: templates bound to records, laid out into display-list pages, rendered by the pipeline.
        .target(name: "Documents", dependencies: ["TeleserviceRules", "Records", "DisplayList"], swiftSettings: strict),
        .target(name: "DocumentLayout", dependencies: ["Documents", "DisplayList"], swiftSettings: strict),
        .target(name: "DocumentPipeline",
                dependencies: ["Documents", "DocumentLayout", "DisplayList", "Typography", "PDFRenderer", "PNGRenderer",
                               "TeleserviceRules", "Records"],
                swiftSettings: strict),
        .executableTarget(name: "ameli-docs", dependencies: [
            "DocumentPipeline", "Documents", "DisplayList", "TeleserviceRules", "Records",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ], swiftSettings: strict),
        .testTarget(name: "DocumentsTests", dependencies: ["Documents", "DisplayList", "TeleserviceRules", "Records"],
                    swiftSettings: strict),
        .testTarget(name: "DocumentLayoutTests", dependencies: ["DocumentLayout", "Documents", "DisplayList", "Typography"],
                    swiftSettings: strict),
        .testTarget(name: "DocumentPipelineTests",
                    dependencies: ["DocumentPipeline", "Documents", "DocumentLayout", "DisplayList", "TeleserviceRules",
                                   "Records", "EngineTestSupport"],
                    exclude: ["Golden"], swiftSettings: strict),
        .testTarget(name: "AmeliDocsTests", dependencies: ["ameli-docs", "EngineTestSupport"], swiftSettings: strict),
    ]
)
