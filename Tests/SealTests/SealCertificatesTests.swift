// SealCertificatesTests: SEAL.md profile v2's X.509 chain — a key published with its certificates is trusted only
// when its certificate names it, certifies it and was issued by its authority's, and only on days it was valid.
import Foundation
import Seal
import Testing

struct SealCertificatesTests {
    static func key(_ signerPEM: String, id: String, certificate: String?, issuer: String?) throws -> VerificationKey {
        var key = try SealSigner(privateKeyPEM: signerPEM, certificateID: id, authority: "AM").verificationKey()
        key.certificatePem = certificate
        key.issuerCertificatePem = issuer
        return key
    }

    static func seal(signedBy pem: String, id: String = "K001", on day: SealDate) throws -> SignedSeal {
        let signer = try SealSigner(privateKeyPEM: pem, certificateID: id, authority: "AM")
        return try signer.sign(try SealFixtures.seal(.acknowledgement, certificateID: id, signatureDate: day))
    }

    @Test func aKeyCertifiedByItsAuthorityVerifies() throws {
        let authority = try SealCertificates.makeAuthority(caID: "FRAM")
        let pem = SealSigner.generatePrivateKeyPEM()
        let certificate = try SealCertificates.issue(signingKeyPEM: pem, keyID: "K001", caKeyPEM: authority.keyPEM,
                                                     caCertificatePEM: authority.certificatePEM)
        let verifier = try SealVerifier(keys: VerificationKeySet(keys: [Self.key(pem, id: "K001", certificate: certificate, issuer: authority.certificatePEM)]))
        let today = try SealDate(iso: ISO8601DateFormatter().string(from: Date()).prefix(10).description)
        let verdict = verifier.verdict(try Self.seal(signedBy: pem, on: today))
        #expect(verdict.check == .valid && verdict.reason == nil)
    }

    @Test func aCertificateFromAnotherAuthorityIsNotTrusted() throws {
        let authority = try SealCertificates.makeAuthority(caID: "FRAM"), impostor = try SealCertificates.makeAuthority(caID: "FRAM")
        let pem = SealSigner.generatePrivateKeyPEM()
        let certificate = try SealCertificates.issue(signingKeyPEM: pem, keyID: "K001", caKeyPEM: impostor.keyPEM,
                                                     caCertificatePEM: impostor.certificatePEM)
        #expect(throws: SealError.self) {
            try SealVerifier(keys: VerificationKeySet(keys: [Self.key(pem, id: "K001", certificate: certificate, issuer: authority.certificatePEM)]))
        }
    }

    @Test func aCertificateOfAnotherKeyOrIdIsNotTrusted() throws {
        let authority = try SealCertificates.makeAuthority(caID: "FRAM")
        let pem = SealSigner.generatePrivateKeyPEM(), other = SealSigner.generatePrivateKeyPEM()
        let otherKeys = try SealCertificates.issue(signingKeyPEM: other, keyID: "K001", caKeyPEM: authority.keyPEM,
                                                   caCertificatePEM: authority.certificatePEM)
        let otherID = try SealCertificates.issue(signingKeyPEM: pem, keyID: "K002", caKeyPEM: authority.keyPEM,
                                                 caCertificatePEM: authority.certificatePEM)
        for certificate in [otherKeys, otherID] {
            #expect(throws: SealError.self) {
                try SealVerifier(keys: VerificationKeySet(keys: [Self.key(pem, id: "K001", certificate: certificate, issuer: authority.certificatePEM)]))
            }
        }
    }

    @Test func aSealSignedOutsideItsCertificatesValidityIsInvalidWithItsReason() throws {
        let authority = try SealCertificates.makeAuthority(caID: "FRAM", validFrom: Date(timeIntervalSince1970: 1_262_304_000))
        let pem = SealSigner.generatePrivateKeyPEM()
        // Valid in 2010 only.
        let certificate = try SealCertificates.issue(signingKeyPEM: pem, keyID: "K001", caKeyPEM: authority.keyPEM,
                                                     caCertificatePEM: authority.certificatePEM,
                                                     validFrom: Date(timeIntervalSince1970: 1_262_304_000), years: 1)
        let verifier = try SealVerifier(keys: VerificationKeySet(keys: [Self.key(pem, id: "K001", certificate: certificate, issuer: authority.certificatePEM)]))
        let expired = verifier.verdict(try Self.seal(signedBy: pem, on: try SealDate(iso: "2026-11-30")))
        #expect(expired.check == .invalid)
        #expect(expired.reason?.contains("30/11/2026") == true, "\(expired.reason ?? "")")
        #expect(verifier.verdict(try Self.seal(signedBy: pem, on: try SealDate(iso: "2010-06-01"))).check == .valid)
    }
}
