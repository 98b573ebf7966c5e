// SealCertificates: the X.509 certificates of SEAL.md profile v2 (swift-certificates): a CA named by the authority
// id, a signing certificate per key named by its id, and the checks a verifier makes of them.
public import Foundation
import Crypto
import SwiftASN1
import X509

/// How 2D-Doc readers find and trust a signing key: the header's authority id (`FRAM`) is the issuer's common name,
/// its certificate id (`K001`) the signing certificate's; the CA's own subject is the authority id.
public enum SealCertificates {
    /// A new CA for demos and tests: a P-256 key (PKCS#8 PEM) and its self-signed certificate, CN = `caID`.
    public static func makeAuthority(caID: String, validFrom: Date = Date(), years: Int = 10) throws -> (keyPEM: String, certificatePEM: String) {
        let key = P256.Signing.PrivateKey()
        let name = try DistinguishedName { CommonName(caID) }
        let extensions = try Certificate.Extensions {
            Critical(BasicConstraints.isCertificateAuthority(maxPathLength: 0))
            Critical(KeyUsage(keyCertSign: true, cRLSign: true))
        }
        let certificate = try Certificate(
            version: .v3, serialNumber: Certificate.SerialNumber(), publicKey: .init(key.publicKey),
            notValidBefore: validFrom.addingTimeInterval(-3600), notValidAfter: validFrom.addingTimeInterval(Double(years) * 365.25 * 86_400),
            issuer: name, subject: name, signatureAlgorithm: .ecdsaWithSHA256, extensions: extensions, issuerPrivateKey: .init(key))
        return (key.pemRepresentation, try certificate.serializeAsPEM().pemString)
    }

    /// A signing certificate for `signingKeyPEM` (subject CN = `keyID`), issued by the CA of `caKeyPEM` and
    /// `caCertificatePEM` (issuer CN = the CA's subject, the authority id), valid from `validFrom` for `years`.
    public static func issue(signingKeyPEM: String, keyID: String, caKeyPEM: String, caCertificatePEM: String,
                             validFrom: Date = Date(), years: Int = 3) throws -> String {
        let signing = try P256.Signing.PrivateKey(pemRepresentation: signingKeyPEM)
        let caKey = try P256.Signing.PrivateKey(pemRepresentation: caKeyPEM)
        let ca = try Certificate(pemEncoded: caCertificatePEM)
        guard ca.publicKey == Certificate.PublicKey(caKey.publicKey) else { throw SealCertificateError.keyDoesNotMatch("CA") }
        let extensions = try Certificate.Extensions {
            Critical(BasicConstraints.notCertificateAuthority)
            Critical(KeyUsage(digitalSignature: true))
        }
        let certificate = try Certificate(
            version: .v3, serialNumber: Certificate.SerialNumber(), publicKey: .init(signing.publicKey),
            notValidBefore: validFrom.addingTimeInterval(-3600), notValidAfter: validFrom.addingTimeInterval(Double(years) * 365.25 * 86_400),
            issuer: ca.subject, subject: try DistinguishedName { CommonName(keyID) }, signatureAlgorithm: .ecdsaWithSHA256,
            extensions: extensions, issuerPrivateKey: .init(caKey))
        return try certificate.serializeAsPEM().pemString
    }

    /// What a verifier learns from a key's certificates once their chain checks.
    public struct Validity: Sendable, Hashable {
        public let notBefore: Date
        public let notAfter: Date
    }

    /// Checks that `certificatePEM` names `keyID` as its subject and `caID` as its issuer, certifies exactly
    /// `publicKeyPEM`, and is signed by `issuerCertificatePEM`, itself the certificate of `caID`. Returns the signing
    /// certificate's validity period.
    public static func check(certificatePEM: String, issuerCertificatePEM: String, caID: String, keyID: String,
                             publicKeyPEM: String) throws(SealCertificateError) -> Validity {
        let certificate: Certificate, issuer: Certificate
        do {
            certificate = try Certificate(pemEncoded: certificatePEM)
            issuer = try Certificate(pemEncoded: issuerCertificatePEM)
        } catch {
            throw .unreadable("\(caID)/\(keyID)")
        }
        guard commonName(certificate.subject) == keyID else { throw .wrongName("subject \(keyID)") }
        guard commonName(certificate.issuer) == caID, commonName(issuer.subject) == caID else { throw .wrongName("issuer \(caID)") }
        guard let published = try? P256.Signing.PublicKey(pemRepresentation: publicKeyPEM),
              certificate.publicKey == Certificate.PublicKey(published) else { throw .keyDoesNotMatch("\(caID)/\(keyID)") }
        guard issuer.publicKey.isValidSignature(certificate.signature, for: certificate) else {
            throw .notIssuedBy(caID)
        }
        return Validity(notBefore: certificate.notValidBefore, notAfter: certificate.notValidAfter)
    }

    /// The certificate's DER bytes (for 2D-Doc readers' keychains, which load DER).
    public static func der(_ certificatePEM: String) throws -> [UInt8] {
        var serializer = DER.Serializer()
        try serializer.serialize(try Certificate(pemEncoded: certificatePEM))
        return serializer.serializedBytes
    }

    static func commonName(_ name: DistinguishedName) -> String? {
        for rdn in name {
            for attribute in rdn where attribute.type == .RDNAttributeType.commonName {
                return String(attribute.value)
            }
        }
        return nil
    }
}

/// Why a key's certificates do not make it trusted.
public enum SealCertificateError: Error, Hashable, Sendable, CustomStringConvertible {
    case unreadable(String)
    case wrongName(String)
    case keyDoesNotMatch(String)
    case notIssuedBy(String)

    public var description: String {
        switch self {
        case .unreadable(let key): "the certificates of \(key) are not X.509 PEM"
        case .wrongName(let what): "the certificate does not name the \(what)"
        case .keyDoesNotMatch(let key): "the certificate of \(key) certifies another key"
        case .notIssuedBy(let ca): "the certificate was not signed by the authority \(ca)"
        }
    }
}
