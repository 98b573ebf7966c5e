// InboxMessage: one message of the secure inbox, carrying an acknowledgement of receipt (D_ACK).
public import Foundation
public import Records
public import TeleserviceRules

/// The message id is the acknowledgement's reference (the procedure's id): one message per acknowledged procedure.
public struct InboxMessage: Sendable, Hashable {
    public let acknowledgement: Acknowledgement

    public init(acknowledgement: Acknowledgement) {
        self.acknowledgement = acknowledgement
    }

    public var id: Identifier { acknowledgement.reference }
    public var subject: String { acknowledgement.subject }
    public var receivedAt: Date { acknowledgement.receivedAt }
}

/// A certificate as stored: its content, whose it is, and whether its one download happened.
public struct StoredCertificate: Sendable, Hashable {
    public var issued: IssuedCertificate
    public var downloadedAt: Date?
    /// SHA-256 (hex) of the PDF served by the one download.
    public var sha256: String?

    public init(issued: IssuedCertificate, downloadedAt: Date? = nil, sha256: String? = nil) {
        self.issued = issued
        self.downloadedAt = downloadedAt
        self.sha256 = sha256
    }
}

/// The proof that a document was served: what, to whom, when, and the SHA-256 of the bytes.
public struct ServedDocument: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case certificate, card, acknowledgement
        case proxyConfirmation = "proxy-confirmation"
    }

    public var nir: NIR
    public var kind: Kind
    public var documentID: Identifier
    /// `pdf` or `png`.
    public var format: String
    public var sha256: String
    public var servedAt: Date

    public init(nir: NIR, kind: Kind, documentID: Identifier, format: String, sha256: String, servedAt: Date) {
        self.nir = nir
        self.kind = kind
        self.documentID = documentID
        self.format = format
        self.sha256 = sha256
        self.servedAt = servedAt
    }
}
