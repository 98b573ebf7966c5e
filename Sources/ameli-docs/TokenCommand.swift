// TokenCommand: `ameli-docs token --nir NIR [--admin] [--ttl SECONDS]` prints a bearer token for the service.
import ArgumentParser
import Foundation
import HTTPService
import Procedures
import HTTPEdge
import Records

struct TokenCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "token", abstract: "Affiche un jeton signé avec le secret configuré (AMELI_DOCS_JWT_SECRET).")

    @Option(help: "Le NIR de l'assuré (15 caractères, clé comprise).")
    var nir: String

    @Flag(help: "Jeton d'administrateur (role admin).")
    var admin = false

    @Option(help: "Durée de validité en secondes (au plus 86400, un jour).")
    var ttl: Int = 3600

    func run() async throws {
        guard let secret = try Settings.current()[.jwtSecret] else {
            throw ValidationError("AMELI_DOCS_JWT_SECRET n'est pas défini : c'est le secret avec lequel le service vérifie les jetons.")
        }
        guard ttl > 0 else { throw ValidationError("--ttl doit être positif.") }
        // The service refuses a token that lives longer than a day; minting one would only hand out a dead token.
        let maximum = Int(AccessTokens.defaultMaximumLifetime)
        guard ttl <= maximum else { throw ValidationError("--ttl ne peut dépasser \(maximum) secondes (un jour).") }
        let number: NIR
        do { number = try NIR(nir) } catch { throw ValidationError(error.detail) }
        let tokens = try await AccessTokens(secret: secret)
        let now = Date()
        print(try await tokens.sign(nir: number, admin: admin, issuedAt: now, expiresAt: now.addingTimeInterval(TimeInterval(ttl))))
    }
}
