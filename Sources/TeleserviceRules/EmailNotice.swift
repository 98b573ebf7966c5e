// EmailNotice: the "avis de dépôt" e-mail telling the insured a document awaits them in their secure inbox.
public import Foundation
public import Records

/// R_ACK: recorded with every acknowledgement. It carries no personal data beyond the address it goes to: the
/// document itself stays in the secure inbox.
public struct EmailNotice: Hashable, Sendable, Codable {
    /// The procedure whose acknowledgement the notice announces: one notice per procedure, so the reference is
    /// also the notice's id (and its e-mail's Message-ID, stable across resends).
    public let reference: Identifier
    public let to: String
    public let subject: String
    public let body: String
    /// When the notice was issued (the procedure's instant); the e-mail's Date. Not when it was delivered.
    public let sentAt: Date

    public init(reference: Identifier, to: String, subject: String, body: String, sentAt: Date) {
        self.reference = reference
        self.to = to
        self.subject = subject
        self.body = body
        self.sentAt = sentAt
    }

    static func documentAwaits(to address: String, reference: Identifier, at instant: Date) -> EmailNotice {
        EmailNotice(
            reference: reference,
            to: address,
            subject: "Un nouveau document est disponible sur votre compte ameli",
            body: "Bonjour,\n\nUn document important a été déposé dans la messagerie de votre compte ameli. "
                + "Connectez-vous à votre compte pour le consulter.\n\nL'Assurance Maladie",
            sentAt: instant)
    }
}
