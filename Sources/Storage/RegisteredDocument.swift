// RegisteredDocument: one row of the register of issued documents (SEAL.md), and what revokes rows.
public import Foundation
public import Records

/// A document as issued: its seal (signed once, at issue, and reused by every later render), who it belongs to,
/// its validity and its status. The register answers the public verification route, so it must be readable
/// without knowing the household (`Store.registeredDocument(id:)`), and it never leaves a household's other data.
public struct RegisteredDocument: Sendable, Hashable {
    /// The seal's document types (SEAL.md header, 2 characters).
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case certificate = "E1"
        case acknowledgement = "E2"
        case proxyConfirmation = "E3"
        case cardCopy = "E4"
    }

    /// What is stored. `expired` and `not-yet-valid` are not stored: they follow from the validity days and the
    /// day of the question (`status(on:)`), so no job has to sweep the register at midnight.
    public enum StoredStatus: String, Sendable, Hashable {
        case valid
        case revoked
    }

    /// The id printed on the document and carried by the seal. Ids are case-insensitive: the register keys rows
    /// by the upper-cased id (`key`), as the seal carries it.
    public var id: String
    public var kind: Kind
    public var nir: NIR
    /// What revokes the document when it changes: `card:NUMBER` for a card copy, `proxy:ID` for a proxy
    /// confirmation (see `DocumentRevocation`); nil for documents only an admin can revoke.
    public var subject: String?
    /// The full seal text (header, message, signature), exactly as encoded in the symbol.
    public var sealText: String
    /// The signing key's 4-character id.
    public var keyID: String
    public var issuedAt: Date
    public var validFrom: CivilDate?
    public var validUntil: CivilDate?
    /// SHA-256 of the bytes served (hex), set when the document is first served. Rendering is deterministic, so
    /// every later serve gives the same bytes.
    public var sha256: String?
    public var status: StoredStatus
    public var revokedAt: Date?
    public var revokedReason: String?

    public init(id: String, kind: Kind, nir: NIR, subject: String?, sealText: String, keyID: String, issuedAt: Date,
                validFrom: CivilDate?, validUntil: CivilDate?, sha256: String? = nil, status: StoredStatus = .valid,
                revokedAt: Date? = nil, revokedReason: String? = nil) {
        self.id = id
        self.kind = kind
        self.nir = nir
        self.subject = subject
        self.sealText = sealText
        self.keyID = keyID
        self.issuedAt = issuedAt
        self.validFrom = validFrom
        self.validUntil = validUntil
        self.sha256 = sha256
        self.status = status
        self.revokedAt = revokedAt
        self.revokedReason = revokedReason
    }

    /// The register's key for an id, whatever case it was typed in.
    public static func key(_ id: String) -> String { id.uppercased() }
    public var key: String { Self.key(id) }

    /// The status a verifier is told on `day` (Paris): revoked wins; then the validity days decide.
    public func status(on day: CivilDate) -> VerificationStatus {
        if status == .revoked { return .revoked }
        if let validFrom, day < validFrom { return .notYetValid }
        if let validUntil, validUntil < day { return .expired }
        return .valid
    }

    /// `card:NUMBER`: the subject of a card's print copies.
    public static func subject(card number: CardNumber) -> String { "card:\(number.value)" }
    /// `proxy:ID`: the subject of a proxy's confirmation.
    public static func subject(proxy id: Identifier) -> String { "proxy:\(id.value)" }
}

/// The status of a document as the verification route answers it (SEAL.md); `unknown` is for a seal whose
/// document is not in the register.
public enum VerificationStatus: String, Sendable, Hashable, Codable {
    case valid
    case expired
    case notYetValid = "not-yet-valid"
    case revoked
    case unknown
}

/// Revokes, in the procedure's transaction, every valid document of the household whose subject is `subject`:
/// a proxy's confirmation when the proxy is revoked, a card's copies when it is cancelled or replaced.
public struct DocumentRevocation: Sendable, Hashable {
    public var subject: String
    public var reason: String
    public var at: Date

    public init(subject: String, reason: String, at: Date) {
        self.subject = subject
        self.reason = reason
        self.at = at
    }
}
