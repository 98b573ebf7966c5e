// VerificationKey: one published public key, as GET /v1/verification-keys lists it (SEAL.md field names).

/// A public key a seal can be checked against, identified by `caId` and `certificateId` like the seal's header.
public struct VerificationKey: Codable, Hashable, Sendable {
    /// Whether the key still signs new seals; a retired key still verifies the seals it signed.
    public enum Status: String, Codable, Hashable, Sendable {
        case current
        case retired
    }

    /// `FR` + authority (`FRAM`).
    public var caId: String
    /// The 4-character key id of the header.
    public var certificateId: String
    /// Always `ES256` (ECDSA P-256 with SHA-256) for keys this service publishes.
    public var algorithm: String
    /// SPKI PEM (`-----BEGIN PUBLIC KEY-----`).
    public var publicKeyPem: String
    public var status: Status
    /// SEAL.md profile v2: the key's X.509 certificate (subject CN = `certificateId`, issuer CN = `caId`), PEM.
    public var certificatePem: String?
    /// The certificate of the authority that issued `certificatePem` (subject CN = `caId`), PEM.
    public var issuerCertificatePem: String?

    public init(caId: String, certificateId: String, algorithm: String = "ES256", publicKeyPem: String,
                status: Status, certificatePem: String? = nil, issuerCertificatePem: String? = nil) {
        self.caId = caId
        self.certificateId = certificateId
        self.algorithm = algorithm
        self.publicKeyPem = publicKeyPem
        self.status = status
        self.certificatePem = certificatePem
        self.issuerCertificatePem = issuerCertificatePem
    }
}
