// EmailNotice: the "avis de dépôt" e-mail telling the insured a document awaits them in their secure inbox.
public import Foundation

/// R_ACK: recorded with every acknowledgement. It carries no personal data beyond the address it goes to: the
/// document itself stays in the secure inbox.
public struct EmailNotice: Hashable, Sendable, Codable {
    public let to: String
    public let subject: String
    public let body: String
    public let sentAt: Date

    public init(to: String, subject: String, body: String, sentAt: Date) {
        self.to = to
        self.subject = subject
        self.body = body
        self.sentAt = sentAt
    }

    static func documentAwaits(to address: String, at instant: Date) -> EmailNotice {
        EmailNotice(
            to: address,
            subject: "Un nouveau document est disponible sur votre compte ameli",
            body: "Bonjour,\n\nUn document important a été déposé dans la messagerie de votre compte ameli. "
                + "Connectez-vous à votre compte pour le consulter.\n\nL'Assurance Maladie",
            sentAt: instant)
    }
}
