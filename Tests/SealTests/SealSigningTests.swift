// SealSigningTests: sign → verify, every altered byte refused, key lookup (unknown, retired), and OpenSSL as oracle.

import Crypto
import Foundation
import Seal
import Testing

struct SealSigningTests {
    static func verifier(_ keys: [VerificationKey]) throws -> SealVerifier { try SealVerifier(keys: VerificationKeySet(keys: keys)) }

    @Test(arguments: SealDocumentType.allCases)
    func sign_thenVerify_isValid(type: SealDocumentType) throws {
        let signer = try SealFixtures.signer()
        let verifier = try Self.verifier([signer.verificationKey()])
        let signed = try signer.sign(SealFixtures.seal(type))
        #expect(signed.signature.count == 64)
        #expect(verifier.check(signed) == .valid)
        let (parsed, check) = try verifier.check(text: signed.text)
        #expect(check == .valid)
        #expect(parsed == signed)
    }

    /// Any one byte changed anywhere in the text: the parser refuses it, or the signature no longer matches.
    @Test(arguments: SealDocumentType.allCases)
    func flippingAnyByteOfTheText_isNeverValid(type: SealDocumentType) throws {
        let signer = try SealFixtures.signer()
        let verifier = try Self.verifier([signer.verificationKey()])
        let bytes = SealFixtures.bytes(try signer.sign(SealFixtures.seal(type)).text)
        var refusedByParser = 0
        var invalid = 0
        var unknownKey = 0
        for index in bytes.indices {
            for mask: UInt8 in [0x01, 0x20] {
                var altered = bytes
                altered[index] ^= mask
                do {
                    let (_, check) = try verifier.check(text: SealFixtures.text(altered))
                    #expect(check != .valid, "byte \(index) ^ \(mask)")
                    if check == .invalid { invalid += 1 }
                    if check == .unknownKey { unknownKey += 1 }
                } catch {
                    refusedByParser += 1
                }
            }
        }
        #expect(refusedByParser + invalid + unknownKey == bytes.count * 2)
        // Every path is exercised: a changed letter in a name parses, a lower-cased one does not, a changed key id
        // names a key nobody published.
        #expect(refusedByParser > 0)
        #expect(invalid > 0)
        #expect(unknownKey > 0)
    }

    @Test func flippingAnyBitOfTheSignature_isInvalid() throws {
        let signer = try SealFixtures.signer()
        let verifier = try Self.verifier([signer.verificationKey()])
        let signed = try signer.sign(SealFixtures.seal(.certificate))
        for bit in 0..<(64 * 8) {
            var signature = signed.signature
            signature[bit / 8] ^= 1 << UInt8(bit % 8)
            #expect(verifier.check(try SignedSeal(unsigned: signed.unsigned, signature: signature)) == .invalid, "bit \(bit)")
        }
    }

    @Test func anotherSealsSignature_isInvalid() throws {
        let signer = try SealFixtures.signer()
        let verifier = try Self.verifier([signer.verificationKey()])
        let first = try signer.sign(SealFixtures.seal(.certificate))
        let second = try signer.sign(SealFixtures.seal(.cardCopy))
        #expect(verifier.check(try SignedSeal(unsigned: second.unsigned, signature: first.signature)) == .invalid)
    }

    @Test func sameIDButAnotherKey_isInvalid() throws {
        let signer = try SealFixtures.signer()
        let impostor = try SealSigner(privateKeyPEM: SealSigner.generatePrivateKeyPEM(), certificateID: "K001", authority: "AM")
        let verifier = try Self.verifier([signer.verificationKey()])
        #expect(verifier.check(try impostor.sign(SealFixtures.seal(.cardCopy))) == .invalid)
    }

    @Test func unknownCertificateOrAuthority_isUnknownKey() throws {
        let verifier = try Self.verifier([SealFixtures.signer().verificationKey()])
        let otherID = try SealFixtures.signer(certificateID: "K002")
        let otherAuthority = try SealFixtures.signer(authority: "AB")
        #expect(verifier.check(try otherID.sign(SealFixtures.seal(.cardCopy, certificateID: "K002"))) == .unknownKey)
        #expect(verifier.check(try otherAuthority.sign(SealFixtures.seal(.cardCopy, authority: "AB"))) == .unknownKey)
        #expect(try Self.verifier([]).check(SealFixtures.signer().sign(SealFixtures.seal(.cardCopy))) == .unknownKey)
        #expect(SignatureCheck.unknownKey.rawValue == "unknown-key")
    }

    @Test func retiredKey_stillVerifies() throws {
        let old = try SealSigner(privateKeyPEM: SealSigner.generatePrivateKeyPEM(), certificateID: "K000", authority: "AM")
        let current = try SealFixtures.signer()
        let verifier = try Self.verifier([old.verificationKey(status: .retired), current.verificationKey()])
        #expect(verifier.check(try old.sign(SealFixtures.seal(.certificate, certificateID: "K000"))) == .valid)
        #expect(verifier.check(try current.sign(SealFixtures.seal(.certificate))) == .valid)
    }

    @Test func sign_withTheSignersIDs_buildsAndSigns() throws {
        let signer = try SealFixtures.signer()
        let signed = try signer.sign(type: .cardCopy, issueDate: SealDate(iso: "2026-11-30"),
                                     signatureDate: SealDate(iso: "2026-12-01"),
                                     transliterating: SealFixtures.fields(.cardCopy).merging([.lastName: "Đurđević"]) { $1 })
        #expect(signed.unsigned.caID == "FRAM")
        #expect(signed.unsigned.certificateID == "K001")
        #expect(signed.unsigned[.lastName] == "DURDEVIC")
        #expect(try Self.verifier([signer.verificationKey()]).check(text: signed.text).signature == .valid)
    }

    @Test func sign_refusesASealNamingAnotherKey() throws {
        let signer = try SealFixtures.signer()
        #expect(throws: SealError.keyMismatch(expected: "FRAM/K001", found: "FRAM/K002")) {
            try signer.sign(SealFixtures.seal(.cardCopy, certificateID: "K002"))
        }
        #expect(throws: SealError.keyMismatch(expected: "FRAM/K001", found: "FRXY/K001")) {
            try signer.sign(SealFixtures.seal(.cardCopy, authority: "XY"))
        }
    }

    @Test func signer_refusesBadKeysAndIDs() throws {
        #expect(throws: SealError.invalidKey(key: "signing key")) {
            try SealSigner(privateKeyPEM: "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----", certificateID: "K001", authority: "AM")
        }
        #expect(throws: SealError.invalidKey(key: "signing key")) {
            try SealSigner(privateKeyPEM: SealFixtures.signer().publicKeyPEM, certificateID: "K001", authority: "AM")
        }
        #expect(throws: SealError.invalidCertificateID("k1")) { try SealSigner(privateKeyPEM: SealFixtures.testKeyPEM, certificateID: "k1", authority: "AM") }
        #expect(throws: SealError.invalidAuthority("A")) { try SealSigner(privateKeyPEM: SealFixtures.testKeyPEM, certificateID: "K001", authority: "A") }
    }

    @Test func verifier_refusesBadKeyLists() throws {
        let key = try SealFixtures.signer().verificationKey()
        var broken = key
        broken.publicKeyPem = "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----"
        #expect(throws: SealError.invalidKey(key: "FRAM/K001")) { try Self.verifier([broken]) }
        var other = key
        other.algorithm = "ES384"
        #expect(throws: SealError.unsupportedAlgorithm(key: "FRAM/K001", algorithm: "ES384")) { try Self.verifier([other]) }
        #expect(throws: SealError.duplicateKey(key: "FRAM/K001")) { try Self.verifier([key, key]) }
    }

    @Test func generatedKeys_arePKCS8AndSign() throws {
        let pem = SealSigner.generatePrivateKeyPEM()
        #expect(pem.hasPrefix("-----BEGIN PRIVATE KEY-----"))
        let signer = try SealSigner(privateKeyPEM: pem, certificateID: "K9Z9", authority: "AM")
        #expect(signer.publicKeyPEM.hasPrefix("-----BEGIN PUBLIC KEY-----"))
        let verifier = try Self.verifier([signer.verificationKey()])
        #expect(verifier.check(try signer.sign(SealFixtures.seal(.acknowledgement, certificateID: "K9Z9"))) == .valid)
    }

    /// A seal signed by OpenSSL (`openssl dgst -sha256 -sign`, its DER turned into `r‖s`) and base32-encoded by
    /// Python, over the text SEAL.md's layout gave in profile v1: independent implementations of each step agree
    /// with this one, and a paper printed before profile v2 still verifies.
    @Test func sealSignedByOpenSSL_verifies() throws {
        let signedText = "DC04FRAMK00126662667E101FR01CRT-2026-11-30-0001\u{1D}62DUPONT\u{1D}60EVA MARIE\u{1D}"
            + "6902051984E6284058832102532E70175\u{1D}E880250017510000027182E928022028EA30112026EB28022027"
        let signature = "AQIJ5UN6FUVMLFMAKTCM5VML7ECHKCJTWSCSPWWRF7U7ZCTZSHD7TYW7O45QNFPLSIKGSA4EL5M2UVHRZCGF5XE44DJ4EMNRM4E7PPI"
        let verifier = try Self.verifier([SealFixtures.signer().verificationKey()])
        let seal = try SignedSeal.parse(signedText + "\u{1F}" + signature)
        #expect(seal.unsigned.profile == .v1)
        #expect(seal.unsigned.fields == (try SealFixtures.seal(.certificate)).fields)
        #expect(verifier.check(seal) == .valid)
        // The same signature over one changed character: the check can fail.
        let altered = try SignedSeal.parse(signedText.replacingOccurrences(of: "DUPONT", with: "DUPOND") + "\u{1F}" + signature)
        #expect(verifier.check(altered) == .invalid)
    }

    /// The JSON of GET /v1/verification-keys, field names as SEAL.md writes them.
    @Test func keySet_readsAndWritesSEALmdsJSON() throws {
        let pem = try SealFixtures.signer().publicKeyPEM
        let json = """
            {"keys":[{"caId":"FRAM","certificateId":"K001","algorithm":"ES256","publicKeyPem":\(String(decoding: try JSONEncoder().encode(pem), as: UTF8.self)),"status":"retired"}]}
            """
        let set = try JSONDecoder().decode(VerificationKeySet.self, from: Data(json.utf8))
        #expect(set.keys == [VerificationKey(caId: "FRAM", certificateId: "K001", publicKeyPem: pem, status: .retired)])
        let encoded = try #require(JSONSerialization.jsonObject(with: JSONEncoder().encode(set)) as? [String: Any])
        let keys = try #require(encoded["keys"] as? [[String: Any]])
        #expect(keys.count == 1)
        #expect(Set(try #require(keys.first).keys) == ["caId", "certificateId", "algorithm", "publicKeyPem", "status"])
        #expect(keys.first?["status"] as? String == "retired")
        #expect(try SealVerifier(keys: set).check(SealFixtures.signer().sign(SealFixtures.seal(.cardCopy))) == .valid)
    }
}
