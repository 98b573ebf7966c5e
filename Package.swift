// swift-tools-version: 6.1
// AmeliDocs: the CEAM and online-proxy teleservices' rules, documents and request interface.
// Data flows one way: Records <- TeleserviceRules <- Documents <- ... <- Procedures <- HTTPEdge <- Pages <- HTTPService /
// ameli-docs (see STYLE.md).
import PackageDescription

/// Every target gets the same strictness, so that a C type or an `any` cannot slip into a public API unnoticed.
let strict: [SwiftSetting] = [
    .enableUpcomingFeature("InternalImportsByDefault"),
    .enableUpcomingFeature("MemberImportVisibility"),
    .enableUpcomingFeature("ExistentialAny"),
]

// The request interface and persistence. Versions are the ones the local package mirror holds.
let hummingbird: Target.Dependency = .product(name: "Hummingbird", package: "hummingbird")
let grdb: Target.Dependency = .product(name: "GRDB", package: "GRDB.swift")
let postgresNIO: Target.Dependency = .product(name: "PostgresNIO", package: "postgres-nio")
let logging: Target.Dependency = .product(name: "Logging", package: "swift-log")
let crypto: Target.Dependency = .product(name: "Crypto", package: "swift-crypto")

let package = Package(
    name: "AmeliDocs",
    platforms: [.macOS(.v14)],
    products: [
        .library(name: "Records", targets: ["Records"]),
        .library(name: "TeleserviceRules", targets: ["TeleserviceRules"]),
        .executable(name: "ameli-docs", targets: ["ameli-docs"]),
    ],
    dependencies: [
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/groue/GRDB.swift.git", from: "7.10.0"),
        .package(url: "https://github.com/vapor/postgres-nio.git", from: "1.33.2"),
        .package(url: "https://github.com/vapor/jwt-kit.git", from: "5.7.1"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-metrics.git", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
        .package(url: "https://github.com/apple/swift-crypto.git", from: "4.5.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-http-types.git", from: "1.8.0"),
        // The contract (openapi.yaml) generates the server's types and routes.
        .package(url: "https://github.com/apple/swift-openapi-generator.git", from: "1.14.3"),
        .package(url: "https://github.com/apple/swift-openapi-runtime.git", from: "1.13.4"),
        .package(url: "https://github.com/hummingbird-project/swift-openapi-hummingbird.git", from: "2.1.0"),
        // The pages: Templates/web/*.mustache.
        .package(url: "https://github.com/hummingbird-project/swift-mustache.git", from: "2.1.1"),
        // The pages' scan upload (multipart/form-data).
        .package(url: "https://github.com/vapor/multipart-kit.git", from: "4.7.1"),
        // E-mail notices: the SMTP client's STARTTLS.
        .package(url: "https://github.com/apple/swift-nio-ssl.git", from: "2.37.6"),
        .package(url: "https://github.com/apple/swift-certificates.git", from: "1.21.1"),
        .package(url: "https://github.com/apple/swift-asn1.git", from: "1.7.4"),
    ],
    targets: [
        .target(name: "Records", swiftSettings: strict),
        .target(name: "TeleserviceRules", dependencies: ["Records"], swiftSettings: strict),
        .target(name: "DisplayList", swiftSettings: strict),

        // The document seal (SEAL.md): its text, signature and keys (pure Swift over swift-crypto), and the
        // DataMatrix symbol that carries it (libdmtx, wrapped once).
        .target(name: "Seal", dependencies: ["Records", crypto, .product(name: "X509", package: "swift-certificates"),
                                             .product(name: "SwiftASN1", package: "swift-asn1")], swiftSettings: strict),
        .systemLibrary(name: "CDataMatrix", pkgConfig: "libdmtx", providers: [.apt(["libdmtx-dev"])]),
        .target(name: "DataMatrix", dependencies: ["CDataMatrix"], swiftSettings: strict),
        .testTarget(name: "SealTests", dependencies: ["Seal", "Records", "EngineTestSupport", crypto], swiftSettings: strict),
        .testTarget(name: "DataMatrixTests", dependencies: ["DataMatrix", "CPNG", "EngineTestSupport"], swiftSettings: strict),

        // Rendering engine: fonts, then the two backends. Only these targets touch the C libraries.
        .systemLibrary(name: "CFreeType", pkgConfig: "freetype2", providers: [.apt(["libfreetype-dev"])]),
        .systemLibrary(name: "CHarfBuzz", pkgConfig: "harfbuzz-subset", providers: [.apt(["libharfbuzz-dev"])]),
        .target(name: "Typography", dependencies: ["DisplayList", "Records", "CFreeType", "CHarfBuzz"],
                swiftSettings: strict),
        .systemLibrary(name: "CHaru", providers: [.apt(["libhpdf-dev"])]),
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        .target(name: "PDFRenderer", dependencies: ["DisplayList", "Typography", "Records", "CHaru", "CZlib"], swiftSettings: strict),
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
                               "TeleserviceRules", "Records", "Seal", "DataMatrix"],
                swiftSettings: strict),
        // The accessible HTML twin of every document, from the same description the PDF is laid out from.
        .target(name: "RecordSampler", dependencies: ["DocumentPipeline", "Records", "TeleserviceRules"], swiftSettings: strict),
        .target(name: "HTMLText", swiftSettings: strict),
        .target(name: "DocumentHTML", dependencies: ["Documents", "DisplayList", "HTMLText"], swiftSettings: strict),
        .testTarget(name: "DocumentsTests", dependencies: ["Documents", "DisplayList", "TeleserviceRules", "Records"],
                    swiftSettings: strict),
        .testTarget(name: "DocumentLayoutTests", dependencies: ["DocumentLayout", "Documents", "DisplayList", "Typography"],
                    swiftSettings: strict),
        .testTarget(name: "DocumentPipelineTests",
                    dependencies: ["DocumentPipeline", "Documents", "DocumentLayout", "DisplayList", "TeleserviceRules",
                                   "Records", "EngineTestSupport", "Seal", "DocumentHTML", "HTMLText", "RecordSampler", "Typography"],
                    exclude: ["Golden"], swiftSettings: strict),
        .testTarget(name: "AmeliDocsTests", dependencies: ["ameli-docs", "EngineTestSupport", "MailTestSupport"], swiftSettings: strict),

        // E-mail notices: an RFC 5322 message builder, and the one SMTP client (SwiftNIO + swift-nio-ssl).
        .target(name: "MailMessage", dependencies: ["Records"], swiftSettings: strict),
        .target(name: "SMTPClient", dependencies: [
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
            .product(name: "NIOPosix", package: "swift-nio"),
            .product(name: "NIOSSL", package: "swift-nio-ssl"),
        ], swiftSettings: strict),
        .testTarget(name: "SMTPClientTests", dependencies: ["SMTPClient", "MailMessage", "MailTestSupport"], swiftSettings: strict),
        // The outbox's delivery service: claims pending notices from a store and sends them through the relay.
        .target(name: "NoticeDelivery", dependencies: [
            "Storage", "Records", "TeleserviceRules", "MailMessage", "SMTPClient", "HTMLText", logging,
            .product(name: "CoreMetrics", package: "swift-metrics"),
            .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
        ], swiftSettings: strict),
        // The aiosmtpd relay the mail tests talk to (Scripts/oracles/smtp_relay.py).
        .target(name: "MailTestSupport", path: "Tests/MailTestSupport", swiftSettings: strict),

        // Request interface and persistence: the stores, the HTTP service, the command line.
        .target(name: "Storage", dependencies: ["Records", "TeleserviceRules"], swiftSettings: strict),
        .target(name: "StorageSQLite", dependencies: ["Storage", "Records", "TeleserviceRules", grdb], swiftSettings: strict),
        .target(name: "StoragePostgres", dependencies: [
            "Storage", "Records", "TeleserviceRules", postgresNIO, logging,
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "NIOSSL", package: "swift-nio-ssl"),
            .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
        ], swiftSettings: strict),
        // The contract's generated types, in a target of their own (swift-openapi-generator's shared-types example).
        .target(name: "APIContract", dependencies: [
            .product(name: "OpenAPIRuntime", package: "swift-openapi-runtime"),
        ], swiftSettings: strict,
        plugins: [.plugin(name: "OpenAPIGenerator", package: "swift-openapi-generator")]),
        // The teleservices' procedures with an explicit caller, over the rules, the stores and the documents: what
        // the API's handlers and the pages both call. No HTTP server here.
        .target(name: "Procedures", dependencies: [
            "APIContract", "Storage", "Records", "TeleserviceRules", "DocumentPipeline", "Documents", "Seal", crypto,
            .product(name: "HTTPTypes", package: "swift-http-types"),
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "NIOPosix", package: "swift-nio"),
            .product(name: "Metrics", package: "swift-metrics"),
            .product(name: "Prometheus", package: "swift-prometheus"),
        ], swiftSettings: strict),
        // What both doors over HTTP share: the request context, problems as answers, tokens, log redaction.
        .target(name: "HTTPEdge", dependencies: [
            "Procedures", "Records", "TeleserviceRules", hummingbird, logging, crypto,
            .product(name: "JWTKit", package: "jwt-kit"),
        ], swiftSettings: strict),
        // The teleservices' screens (web account, app, kiosk) over the procedures, with their sessions and forms.
        .target(name: "Pages", dependencies: [
            "Procedures", "HTTPEdge", "APIContract", "Storage", "Records", "TeleserviceRules", "DocumentPipeline", "Documents",
            "DocumentHTML", "Seal", hummingbird, logging, crypto,
            .product(name: "Mustache", package: "swift-mustache"),
            .product(name: "MultipartKit", package: "multipart-kit"),
            .product(name: "HTTPTypes", package: "swift-http-types"),
            .product(name: "JWTKit", package: "jwt-kit"),
        ], swiftSettings: strict),
        // The wiring: the generated API's handlers over the procedures, its middlewares, the pages, the application.
        .target(name: "HTTPService", dependencies: [
            "APIContract", "Procedures", "HTTPEdge", "Pages",
            "Storage", "Records", "TeleserviceRules", "DocumentPipeline", "Documents", "Seal", hummingbird, logging, crypto,
            .product(name: "NIOPosix", package: "swift-nio"),
            .product(name: "HTTPTypes", package: "swift-http-types"),
            .product(name: "JWTKit", package: "jwt-kit"),
            .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            .product(name: "OpenAPIRuntime", package: "swift-openapi-runtime"),
            .product(name: "OpenAPIHummingbird", package: "swift-openapi-hummingbird"),
            // Reads openapi.yaml's `security` at start, so that authorisation follows the contract.
            .product(name: "Yams", package: "Yams"),
        ], swiftSettings: strict,
        plugins: [.plugin(name: "OpenAPIGenerator", package: "swift-openapi-generator")]),
        .executableTarget(name: "ameli-docs", dependencies: [
            "DocumentPipeline", "RecordSampler", "Documents", "DisplayList", "TeleserviceRules", "Records", "Seal",
            "HTTPService", "Procedures", "HTTPEdge", "Storage", "StorageSQLite", "StoragePostgres", "NoticeDelivery", "SMTPClient",
            "MailMessage", "DocumentHTML", hummingbird, logging,
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
            .product(name: "JWTKit", package: "jwt-kit"),
            .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
        ], swiftSettings: strict),
        .testTarget(name: "StorageTests", dependencies: [
            "Storage", "StorageSQLite", "StoragePostgres", "Records", "TeleserviceRules", logging, grdb,
            .product(name: "PostgresNIO", package: "postgres-nio"),
        ], swiftSettings: strict),
        .testTarget(name: "HTTPServiceTests", dependencies: [
            "HTTPService", "Procedures", "HTTPEdge", "Pages", "APIContract", "RecordSampler", "Storage", "StorageSQLite", "StoragePostgres", "Records", "TeleserviceRules", "DocumentPipeline",
            "Documents", "EngineTestSupport", "Seal", "NoticeDelivery", "SMTPClient", "MailMessage", "MailTestSupport", hummingbird,
            .product(name: "HummingbirdTesting", package: "hummingbird"),
            .product(name: "HTTPTypes", package: "swift-http-types"),
            .product(name: "JWTKit", package: "jwt-kit"),
            .product(name: "Logging", package: "swift-log"),
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "NIOPosix", package: "swift-nio"),
            .product(name: "PostgresNIO", package: "postgres-nio"),
            .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            .product(name: "Yams", package: "Yams"),
            crypto,
        ], swiftSettings: strict),
    ]
)
