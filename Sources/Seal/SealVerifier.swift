// SealVerifier: checks a seal's signature against the published keys, each parsed once.

import Crypto
import Foundation

/// Checks signatures against a key list; keys are parsed from PEM once, in `init`, so `check` only verifies.
public struct SealVerifier: Sendable {
    private struct KeyID: Hashable {
        var caId: String
        var certificateId: String
    }

    private struct Key {
        var publicKey: P256.Signing.PublicKey
        /// The signing certificate's validity, when the key is published with its certificates (profile v2).
        var validity: SealCertificates.Validity?
    }

    private let keys: [KeyID: Key]

    /// A verifier for `keys`, current and retired alike.
    ///
    /// Throws when a key's PEM is not a P-256 public key, its algorithm is not `ES256`, two keys share a
    /// `caId/certificateId` (either would make some seals' answer depend on list order), or a key published with
    /// certificates is not the one they certify, or they do not chain (SEAL.md profile v2: the signing certificate
    /// names the key id and is issued by the certificate of the authority id).
    public init(keys: VerificationKeySet) throws(SealError) {
        var parsed: [KeyID: Key] = [:]
        for key in keys.keys {
            let name = key.caId + "/" + key.certificateId
            guard key.algorithm == "ES256" else { throw .unsupportedAlgorithm(key: name, algorithm: key.algorithm) }
            let id = KeyID(caId: key.caId, certificateId: key.certificateId)
            guard parsed[id] == nil else { throw .duplicateKey(key: name) }
            let publicKey: P256.Signing.PublicKey
            do { publicKey = try P256.Signing.PublicKey(pemRepresentation: key.publicKeyPem) } catch {
                throw .invalidKey(key: name)
            }
            var validity: SealCertificates.Validity?
            if let certificate = key.certificatePem {
                guard let issuer = key.issuerCertificatePem else { throw .invalidKey(key: name) }
                do {
                    validity = try SealCertificates.check(certificatePEM: certificate, issuerCertificatePEM: issuer, caID: key.caId,
                                                          keyID: key.certificateId, publicKeyPEM: key.publicKeyPem)
                } catch {
                    throw .untrustedCertificate(key: name, reason: error.description)
                }
            }
            parsed[id] = Key(publicKey: publicKey, validity: validity)
        }
        self.keys = parsed
    }

    /// Whether the key the header names signed exactly the seal's signed bytes, while its certificate was valid.
    public func check(_ seal: SignedSeal) -> SignatureCheck { verdict(seal).check }

    /// The check and, for an invalid one, why (in French, for the verification answer and page).
    public func verdict(_ seal: SignedSeal) -> (check: SignatureCheck, reason: String?) {
        guard let key = keys[KeyID(caId: seal.unsigned.caID, certificateId: seal.unsigned.certificateID)] else {
            return (.unknownKey, nil)
        }
        // A signature whose r or s is out of range is simply not valid: refused here rather than thrown.
        guard let signature = try? P256.Signing.ECDSASignature(rawRepresentation: seal.signature),
              key.publicKey.isValidSignature(signature, for: seal.signedBytes) else {
            return (.invalid, "La signature ne correspond pas aux données du cachet.")
        }
        if let validity = key.validity {
            let signed = seal.unsigned.signatureDate.startOfDay
            // The header dates the signature by its day: valid when that day meets the certificate's period.
            guard signed.addingTimeInterval(86_400) > validity.notBefore, signed <= validity.notAfter else {
                return (.invalid, "Le cachet a été signé le \(seal.unsigned.signatureDate.french), jour où le certificat de sa clé n'était pas valable.")
            }
        }
        return (.valid, nil)
    }

    /// Parses `text` and checks it: the text form the verification service receives.
    public func check(text: String) throws(SealError) -> (seal: SignedSeal, signature: SignatureCheck) {
        let seal = try SignedSeal.parse(text)
        return (seal, check(seal))
    }
}
