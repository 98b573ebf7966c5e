// SealIssuer: signs each document once, when it is issued, and publishes the keys that verify its seal (SEAL.md).
package import DocumentPipeline
package import Foundation
package import Records
public import Seal
package import Storage

/// The institution's signing key with the public keys it publishes: the current one and every retired one still
/// needed for documents signed before a key change.
public struct SealIssuer: Sendable {
    public let signer: SealSigner
    /// `GET /v1/verification-keys`: the current key first, then the retired ones.
    public let published: VerificationKeySet
    package let verifier: SealVerifier

    /// Throws when a retired key repeats the current key's id or is not a P-256 public key, or when the current
    /// key's certificates (SEAL.md profile v2: `certificatePEM` issued by `issuerCertificatePEM`) do not certify it.
    public init(signer: SealSigner, retired: [VerificationKey] = [], certificatePEM: String? = nil,
                issuerCertificatePEM: String? = nil) throws {
        self.signer = signer
        let retiredKeys = retired.map { key -> VerificationKey in var copy = key; copy.status = .retired; return copy }
        var current = signer.verificationKey(status: .current)
        current.certificatePem = certificatePEM
        current.issuerCertificatePem = issuerCertificatePEM
        published = VerificationKeySet(keys: [current] + retiredKeys)
        verifier = try SealVerifier(keys: published)
    }

    /// The register row of `record` issued now under `id`: its seal signed with today's (Paris) signature date.
    /// `subject` is what revokes it later (a proxy, a card).
    package func issue(_ record: DocumentRecord, id: String, nir: NIR, subject: String?, at instant: Date) throws -> RegisteredDocument {
        let content = record.sealContent(documentID: id)
        let signed = try content.signed(by: signer, on: CivilDate(instant))
        return RegisteredDocument(id: id, kind: Self.kind(content.type), nir: nir, subject: subject, sealText: signed.text,
                                  keyID: signer.certificateID, issuedAt: instant, validFrom: content.validFrom,
                                  validUntil: content.validUntil)
    }

    package static func kind(_ type: SealDocumentType) -> RegisteredDocument.Kind {
        switch type {
        case .certificate: .certificate
        case .acknowledgement: .acknowledgement
        case .proxyConfirmation: .proxyConfirmation
        case .cardCopy: .cardCopy
        }
    }
}
