// ServeCommand: `ameli-docs serve [--port] [--database] [--demo]` runs the HTTP service until SIGINT/SIGTERM.
import DocumentPipeline
import ArgumentParser
import Foundation
import HTTPService
import Procedures
import HTTPEdge
import Hummingbird
import Logging
import Records
import Storage

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve", abstract: "Démarre le service HTTP (API.md).")

    @Option(help: "Port d'écoute, 0 à 65535 (aussi AMELI_DOCS_PORT).")
    var port: Int?

    @Option(help: "Adresse d'écoute.")
    var host: String = "127.0.0.1"

    @OptionGroup var database: DatabaseOption

    @Flag(help: "Importe un foyer de démonstration et affiche des jetons et des requêtes curl prêtes à coller.")
    var demo = false

    func run() async throws {
        // Every setting is checked before anything is opened or written: a bad one stops the start, naming it.
        let settings = try Settings.current()
        var logger = Logger(label: "ameli-docs")
        logger.logLevel = settings.logLevel
        for name in settings.unknown {
            logger.warning("variable d'environnement inconnue, ignorée (faute de frappe ?)", metadata: ["variable": "\(name)"])
        }
        // The demo signs anyone in without a password and imports its household: a throw-away SQLite file is its
        // place, never a PostgreSQL database other replicas or real records may share.
        if demo, database.isPostgres(settings) {
            throw ValidationError("--demo ne fonctionne qu'avec SQLite (--database sqlite:CHEMIN) : sa connexion sans mot de passe et son foyer fictif n'ont pas leur place dans une base PostgreSQL.")
        }
        let mail = try MailConfiguration.load(settings)
        var secret = settings[.jwtSecret] ?? ""
        // Only a secret the demo drew itself is printed (with tokens signed by it).
        var drawnSecret: String?
        if secret.isEmpty {
            guard demo else {
                throw ValidationError("AMELI_DOCS_JWT_SECRET n'est pas défini (au moins 32 octets) : c'est le secret des jetons. Avec --demo, un secret est tiré au hasard.")
            }
            secret = DemoHousehold.randomSecret()
            drawnSecret = secret
        }
        let jwtSecret = secret
        let printableSecret = drawnSecret
        let log = logger
        let port = port ?? settings.port ?? 8080
        let keys: SigningKeyConfiguration
        do {
            keys = try SigningKeyConfiguration.load(settings, demo: demo,
                                                    demoDirectory: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
        } catch let error as SigningKeyError {
            throw ValidationError(error.description)
        }
        logger.info("\(keys.summary)")
        let publicURL = settings[.publicURL].map { $0.hasSuffix("/") ? String($0.dropLast()) : $0 } ?? "http://\(host):\(port)"
        let pipeline = try DocumentPipeline(resources: ResourceLocator.locate(), verificationAddress: "\(publicURL)/v1/verifications")
        let kioskIdle = settings.kioskIdleSeconds
        let opened = try database.open(settings, logger: logger)
        let store = opened.store
        let metrics = ServiceMetrics()
        var services = opened.services
        if let mail { services.append(mail.deliveryService(store: store, metrics: metrics, logger: logger)) }
        logger.info("\(MailConfiguration.summary(mail))")
        let clock: @Sendable () -> Date = { Date() }
        let tokens = try await AccessTokens(secret: jwtSecret)
        let demo = demo
        let storeDescription = opened.description
        // Cookies lose Secure and __Host- only where a browser reaches the service over plain http on this machine
        // (the demo, the browser check); anywhere else a cookie sent over http would travel in clear.
        let publicParts = URLComponents(string: publicURL)
        let publicHost = publicParts?.host?.lowercased() ?? ""
        let loopbackHTTP = publicParts?.scheme?.lowercased() == "http"
            && (publicHost == "localhost" || publicHost.hasPrefix("127.") || publicHost == "::1" || publicHost == "[::1]")
        var app = try await buildApplication(
            configuration: ServiceConfiguration(host: host, port: port, jwtSecret: jwtSecret, demoSignIn: demo,
                                               secureCookies: !loopbackHTTP,
                                               kioskIdleSeconds: kioskIdle),
            clock: clock, store: store, renderer: pipeline, seals: keys.issuer, services: services, metrics: metrics, logger: logger,
            onServerRunning: { port in
                guard demo else { return }
                let base = "http://127.0.0.1:\(port)"
                do {
                    // Written unbuffered: the lines must show while the server runs, not at exit.
                    FileHandle.standardOutput.write(Data(("\n" + keys.summary + "\n").utf8))
                    let text = try await DemoHousehold.instructions(base: base, tokens: tokens, drawnSecret: printableSecret, now: clock(), storeDescription: storeDescription,
                                                                    mail: MailConfiguration.summary(mail))
                    FileHandle.standardOutput.write(Data((text + "\n").utf8))
                } catch {
                    print("Impossible de préparer les jetons de démonstration : \(error)")
                }
            })
        app.beforeServerStarts {
            try await store.migrate()
            if demo {
                // One reading of the clock: the demo's dates and the import instant must be the same day.
                let now = clock()
                let result = try await store.importRecord(try DemoHousehold.record(today: CivilDate(now)), at: now)
                log.info("demo household imported", metadata: ["result": "\(result)"])
            }
        }
        try await app.runService()
    }
}
