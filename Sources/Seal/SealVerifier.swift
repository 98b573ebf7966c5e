// SealVerifier: checks a seal's signature against the published keys, each parsed once.

import Crypto

/// Checks signatures against a key list; keys are parsed from PEM once, in `init`, so `check` only verifies.
public struct SealVerifier: Sendable {
    private struct KeyID: Hashable {
        var caId: String
        var certificateId: String
    }

    private let keys: [KeyID: P256.Signing.PublicKey]

    /// A verifier for `keys`, current and retired alike.
    ///
    /// Throws when a key's PEM is not a P-256 public key, its algorithm is not `ES256`, or two keys share a
    /// `caId/certificateId` (either would make some seals' answer depend on list order).
    public init(keys: VerificationKeySet) throws(SealError) {
        var parsed: [KeyID: P256.Signing.PublicKey] = [:]
        for key in keys.keys {
            let name = key.caId + "/" + key.certificateId
            guard key.algorithm == "ES256" else { throw .unsupportedAlgorithm(key: name, algorithm: key.algorithm) }
            let id = KeyID(caId: key.caId, certificateId: key.certificateId)
            guard parsed[id] == nil else { throw .duplicateKey(key: name) }
            do { parsed[id] = try P256.Signing.PublicKey(pemRepresentation: key.publicKeyPem) } catch {
                throw .invalidKey(key: name)
            }
        }
        self.keys = parsed
    }

    /// Whether the key the header names signed exactly the seal's signed bytes.
    public func check(_ seal: SignedSeal) -> SignatureCheck {
        guard let key = keys[KeyID(caId: seal.unsigned.caID, certificateId: seal.unsigned.certificateID)] else {
            return .unknownKey
        }
        // A signature whose r or s is out of range is simply not valid: refused here rather than thrown.
        guard let signature = try? P256.Signing.ECDSASignature(rawRepresentation: seal.signature) else { return .invalid }
        return key.isValidSignature(signature, for: seal.signedBytes) ? .valid : .invalid
    }

    /// Parses `text` and checks it: the text form the verification service receives.
    public func check(text: String) throws(SealError) -> (seal: SignedSeal, signature: SignatureCheck) {
        let seal = try SignedSeal.parse(text)
        return (seal, check(seal))
    }
}
