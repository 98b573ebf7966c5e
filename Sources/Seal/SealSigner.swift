// SealSigner: the institution's P-256 key, signing the bytes before <US> (ECDSA with SHA-256, raw r‖s).

import Crypto
import Foundation

/// Signs seals with one private key, whose id and authority go into the header.
public struct SealSigner: Sendable {
    /// The header's authority (2 characters after `FR`).
    public let authority: String
    /// The key's id, 4 of `A-Z0-9`.
    public let certificateID: String
    private let privateKey: P256.Signing.PrivateKey

    /// The signer of a PEM private key (PKCS#8 `PRIVATE KEY`, or SEC1 `EC PRIVATE KEY`) on P-256.
    public init(privateKeyPEM: String, certificateID: String, authority: String) throws(SealError) {
        guard SealRepertoire.isCode(authority, count: 2) else { throw .invalidAuthority(authority) }
        guard SealRepertoire.isCode(certificateID, count: 4) else { throw .invalidCertificateID(certificateID) }
        do { privateKey = try P256.Signing.PrivateKey(pemRepresentation: privateKeyPEM) } catch {
            throw .invalidKey(key: "signing key")
        }
        self.authority = authority
        self.certificateID = certificateID
    }

    /// `FR` + authority, as in the header and the published key list.
    public var caID: String { "FR" + authority }

    /// The public key, SPKI PEM (`PUBLIC KEY`), as published in the key list.
    public var publicKeyPEM: String { privateKey.publicKey.pemRepresentation }

    /// This key's entry in `GET /v1/verification-keys`.
    public func verificationKey(status: VerificationKey.Status = .current) -> VerificationKey {
        VerificationKey(caId: caID, certificateId: certificateID, publicKeyPem: publicKeyPEM, status: status)
    }

    /// Signs `unsigned`, which must name this signer's authority and certificate id.
    ///
    /// ECDSA signatures are randomised: two calls give two different, equally valid, signatures. That is why a
    /// document's seal is made once and stored (SEAL.md).
    public func sign(_ unsigned: UnsignedSeal) throws(SealError) -> SignedSeal {
        guard unsigned.authority == authority, unsigned.certificateID == certificateID else {
            throw .keyMismatch(expected: caID + "/" + certificateID, found: unsigned.caID + "/" + unsigned.certificateID)
        }
        let bytes = unsigned.bytes()
        let signature: P256.Signing.ECDSASignature
        do { signature = try privateKey.signature(for: bytes) } catch { throw .signingFailed }
        return SignedSeal(unsigned: unsigned, signature: Array(signature.rawRepresentation), signedBytes: bytes)
    }

    /// Builds a seal with this signer's authority and certificate id from printed spellings
    /// (`UnsignedSeal.init(…transliterating:)`), and signs it.
    public func sign(type: SealDocumentType, issueDate: SealDate, signatureDate: SealDate,
                     transliterating rawFields: [SealField: String]) throws(SealError) -> SignedSeal {
        try sign(UnsignedSeal(authority: authority, certificateID: certificateID, issueDate: issueDate,
                              signatureDate: signatureDate, type: type, transliterating: rawFields))
    }

    /// A new random P-256 private key in PKCS#8 PEM, for `AMELI_DOCS_SIGNING_KEY` (and for tests).
    public static func generatePrivateKeyPEM() -> String { P256.Signing.PrivateKey().pemRepresentation }
}
