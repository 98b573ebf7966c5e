// MailConfiguration: the notices' delivery as the settings configure it.
import ArgumentParser
import Foundation
import HTTPService
import Procedures
import HTTPEdge
import Logging
import MailMessage
import NoticeDelivery
import SMTPClient
import Storage

/// `AMELI_DOCS_SMTP_URL` names the relay; without it notices stay in the outbox. The other mail settings (see
/// `Settings`) are checked there; here the relay's address and trusted certificates are opened.
struct MailConfiguration {
    let client: SMTPClient
    var relay: SMTPRelay { client.relay }
    let composer: NoticeComposer
    let policy: DeliveryPolicy

    static let urlVariable = Settings.Variable.smtpURL.name

    /// Nil when no relay is configured. Throws `ValidationError` (in French) for a setting that cannot be used.
    static func load(_ settings: Settings) throws -> MailConfiguration? {
        guard let url = settings[.smtpURL] else { return nil }
        let relay: SMTPRelay
        do {
            // Shorter than the client's defaults, so that one send always ends well within a lease.
            relay = try SMTPRelay(url: url, trustedCertificatesPEMFile: settings[.smtpCAFile],
                                  requireTLS: settings.smtpRequireTLS,
                                  timeouts: SMTPTimeouts(connect: .seconds(10), command: .seconds(30), dataEnd: .seconds(60)))
        } catch {
            throw ValidationError("\(urlVariable) n'est pas utilisable (\(error)) : attendu smtp://hôte:port, par exemple smtp://127.0.0.1:2525.")
        }
        var composer = NoticeComposer()
        if let from = settings[.mailFrom] {
            guard from.split(separator: "@").count == 2, !from.contains(where: { $0 == "<" || $0 == ">" || $0.isWhitespace }) else {
                throw ValidationError("AMELI_DOCS_MAIL_FROM doit être une adresse électronique, par exemple ne-pas-repondre@assurance-maladie.fr.")
            }
            composer.sender.address = from
        }
        if let link = settings[.inboxURL] { composer.inboxURL = link }
        // A lease twice the slowest send under these timeouts: a notice is never taken over while still being sent.
        var policy = DeliveryPolicy(lease: relay.timeouts.worstCase * 2)
        if let seconds = settings.noticeLeaseSeconds { policy.lease = .seconds(seconds) }
        if let seconds = settings.noticeRetrySeconds { policy.firstRetryDelay = .seconds(seconds) }
        if let count = settings.noticeMaxAttempts { policy.maxAttempts = count }
        let client: SMTPClient
        do { client = try SMTPClient(relay: relay) } catch {
            throw ValidationError("AMELI_DOCS_SMTP_CA_FILE n'est pas lisible : \(error)")
        }
        return MailConfiguration(client: client, composer: composer, policy: policy)
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
