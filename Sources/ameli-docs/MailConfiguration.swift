// MailConfiguration: the notices' delivery as configured by the environment (issue 10).
import ArgumentParser
import Foundation
import HTTPService
import Logging
import MailMessage
import NoticeDelivery
import SMTPClient
import Storage

/// `AMELI_DOCS_SMTP_URL` names the relay (`smtp://host:port`); without it notices stay in the outbox. The rest is
/// optional: `AMELI_DOCS_SMTP_CA_FILE` (PEM certificates to trust for STARTTLS), `AMELI_DOCS_SMTP_REQUIRE_TLS=1` (STARTTLS
/// even on loopback; a relay elsewhere always needs it),
/// `AMELI_DOCS_MAIL_FROM` (sender address), `AMELI_DOCS_INBOX_URL` (the link in the message), and the delivery
/// policy's `AMELI_DOCS_NOTICE_LEASE_SECONDS` (shorter than a send's worst case risks a notice sent twice; the
/// tests shorten it to see a crashed send taken over), `AMELI_DOCS_NOTICE_RETRY_SECONDS` (first delay) and
/// `AMELI_DOCS_NOTICE_MAX_ATTEMPTS`.
struct MailConfiguration {
    let client: SMTPClient
    var relay: SMTPRelay { client.relay }
    let composer: NoticeComposer
    let policy: DeliveryPolicy

    static let urlVariable = "AMELI_DOCS_SMTP_URL"

    /// Nil when no relay is configured. Throws `ValidationError` (in French) for a setting that cannot be used.
    static func load(_ environment: [String: String]) throws -> MailConfiguration? {
        func value(_ name: String) -> String? { environment[name].flatMap { $0.isEmpty ? nil : $0 } }
        guard let url = value(urlVariable) else { return nil }
        let relay: SMTPRelay
        do {
            // Shorter than the client's defaults, so that one send always ends well within a lease.
            relay = try SMTPRelay(url: url, trustedCertificatesPEMFile: value("AMELI_DOCS_SMTP_CA_FILE"),
                                  requireTLS: value("AMELI_DOCS_SMTP_REQUIRE_TLS") == "1",
                                  timeouts: SMTPTimeouts(connect: .seconds(10), command: .seconds(30), dataEnd: .seconds(60)))
        } catch {
            throw ValidationError("\(urlVariable) n'est pas utilisable (\(error)) : attendu smtp://hôte:port, par exemple smtp://127.0.0.1:2525.")
        }
        var composer = NoticeComposer()
        if let from = value("AMELI_DOCS_MAIL_FROM") {
            guard from.split(separator: "@").count == 2, !from.contains(where: { $0 == "<" || $0 == ">" || $0.isWhitespace }) else {
                throw ValidationError("AMELI_DOCS_MAIL_FROM doit être une adresse électronique, par exemple ne-pas-repondre@assurance-maladie.fr.")
            }
            composer.sender.address = from
        }
        if let link = value("AMELI_DOCS_INBOX_URL") {
            guard let parsed = URL(string: link), ["https", "http"].contains(parsed.scheme ?? "") else {
                throw ValidationError("AMELI_DOCS_INBOX_URL doit être une adresse https://.")
            }
            composer.inboxURL = link
        }
        // A lease twice the slowest send under these timeouts: a notice is never taken over while still being sent.
        var policy = DeliveryPolicy(lease: relay.timeouts.worstCase * 2)
        if let seconds = try number("AMELI_DOCS_NOTICE_LEASE_SECONDS", value, range: 1...86_400) { policy.lease = .seconds(seconds) }
        if let seconds = try number("AMELI_DOCS_NOTICE_RETRY_SECONDS", value, range: 0...86_400) { policy.firstRetryDelay = .seconds(seconds) }
        if let count = try number("AMELI_DOCS_NOTICE_MAX_ATTEMPTS", value, range: 1...100) { policy.maxAttempts = count }
        let client: SMTPClient
        do { client = try SMTPClient(relay: relay) } catch {
            throw ValidationError("AMELI_DOCS_SMTP_CA_FILE n'est pas lisible : \(error)")
        }
        return MailConfiguration(client: client, composer: composer, policy: policy)
    }

    private static func number(_ name: String, _ value: (String) -> String?, range: ClosedRange<Int>) throws -> Int? {
        guard let text = value(name) else { return nil }
        guard let number = Int(text), range.contains(number) else {
            throw ValidationError("\(name) doit être un entier de \(range.lowerBound) à \(range.upperBound).")
        }
        return number
    }

    /// The service that delivers the outbox through this relay.
    func deliveryService(store: any Store, metrics: ServiceMetrics, logger: Logger) -> NoticeDeliveryService {
        return NoticeDeliveryService(store: store, client: client, composer: composer, policy: policy,
                                     metrics: metrics.factory, logger: logger)
    }

    /// What `serve` says about notices at start.
    static func summary(_ configuration: MailConfiguration?) -> String {
        guard let configuration else {
            return "Avis de dépôt : aucun relais de messagerie configuré, les avis restent dans la file d'envoi "
                + "(GET /v1/admin/notices?status=pending). Pour les envoyer : \(urlVariable)=smtp://127.0.0.1:2525."
        }
        return "Avis de dépôt : envoyés par le relais \(configuration.relay.host):\(configuration.relay.port)"
            + (configuration.relay.tlsRequired ? " (STARTTLS exigé)" : " (relais local : STARTTLS s'il est proposé)") + ", expéditeur \(configuration.composer.sender.address)."
    }
}
