// SealScenarios: the trust layer through the API (SEAL.md), run on SQLite (SealTrustTests) and PostgreSQL
// (PostgresAPITests): issue → verify, tamper, unknown key, revocations, expiry, and hostile verification bodies.
import DocumentPipeline
import EngineTestSupport
import Foundation
import HTTPService
import Procedures
import HTTPEdge
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Records
import Seal
import Storage
import Testing

enum SealScenarios {
    /// POSTs `{"seal": text}` to the public route (no token).
    static func verify(_ app: TestHarness, _ text: String) async throws -> TestResponse {
        let body = try JSONSerialization.data(withJSONObject: ["seal": text])
        return try await app.send(.post, "/v1/verifications", json: String(decoding: body, as: UTF8.self), token: nil)
    }

    static func registered(_ app: TestHarness, _ id: String) async throws -> RegisteredDocument {
        try #require(try await app.store.registeredDocument(id: id), "document \(id) is not in the register")
    }

    /// The certificate and acknowledgement of an order are registered with the procedure; the seal verifies, a
    /// flipped character does not, another key is unknown, the end day expires it, the admin revokes it.
    static func issueVerifyTamperExpireRevoke(_ database: TestDatabase) async throws {
        let clock = TestClock()
        try await withService(database, clock: clock) { app in
            let order = try await app.send(.post, "/v1/beneficiaries/hugo/card-orders", json: #"{"departureWithin15Days":true}"#)
            #expect(order.status == .created)
            let certificateID = try #require((order.object["certificate"] as? [String: Any])?["id"] as? String)
            let messageID = try #require((order.object["acknowledgement"] as? [String: Any])?["messageId"] as? String)
            let certificate = try await registered(app, certificateID)
            #expect(certificate.kind == .certificate && certificate.nir == Fixtures.martinNIR && certificate.keyID == "TEST")
            let acknowledgementID = "AR-\(messageID)"
            #expect(try await registered(app, acknowledgementID).kind == .acknowledgement)

            // Valid, with only what the seal carries.
            let answer = try await verify(app, certificate.sealText)
            #expect(answer.status == .ok)
            #expect(answer.object["signature"] as? String == "valid")
            #expect(answer.object["status"] as? String == "valid")
            let document = try #require(answer.object["document"] as? [String: Any])
            #expect(document["type"] as? String == "E1")
            #expect(document["id"] as? String == certificateID.uppercased())
            #expect(document["issuedOn"] as? String == "2026-03-14")
            let fields = try #require(document["fields"] as? [String: String])
            #expect(fields["62"] == "MARTIN" && fields["60"] == "HUGO" && fields["69"] == "21062018")
            #expect(fields["EG"] == "118069205003394" && fields["EA"] == "14032026" && fields["EB"] == "14062026")
            #expect(Set(answer.object.keys) == ["signature", "status", "document"], "nothing beyond the seal")

            // One character of the message changed: the signature no longer holds, and the register does not vouch.
            let tampered = certificate.sealText.replacingOccurrences(of: "MARTIN", with: "MARTIM")
            #expect(tampered != certificate.sealText)
            let forged = try await verify(app, tampered)
            #expect(forged.object["signature"] as? String == "invalid")
            #expect(forged.object["status"] as? String == "unknown")

            // The same seal signed by a key the service does not publish.
            let parsed = try SignedSeal.parse(certificate.sealText)
            let stranger = try SealSigner(privateKeyPEM: SealSigner.generatePrivateKeyPEM(), certificateID: "ZZZZ", authority: "AM")
            let unsigned = try UnsignedSeal(authority: "AM", certificateID: "ZZZZ", issueDate: parsed.unsigned.issueDate,
                                            signatureDate: parsed.unsigned.signatureDate, type: parsed.unsigned.type,
                                            fields: parsed.unsigned.fields)
            let unknown = try await verify(app, try stranger.sign(unsigned).text)
            #expect(unknown.object["signature"] as? String == "unknown-key")
            #expect(unknown.object["status"] as? String == "unknown")

            // After the certificate's end day (R_CERTIFICATE: 3 months): expired.
            clock.set(Date(timeIntervalSince1970: 1_781_431_200))   // 2026-06-14T10:00:00Z, still its last day
            #expect(try await verify(app, certificate.sealText).object["status"] as? String == "valid")
            clock.advance(days: 1)
            #expect(try await verify(app, certificate.sealText).object["status"] as? String == "expired")

            // The admin revokes the acknowledgement, in any case of its id; an unknown id is 404; a reason is required.
            let admin = try await app.token(admin: true)
            let revocation = try await app.send(.post, "/v1/admin/documents/\(acknowledgementID.uppercased())/revocation",
                                                json: #"{"reason":"Émis par erreur"}"#, token: admin)
            #expect(revocation.status == .noContent)
            let revoked = try await verify(app, try await registered(app, acknowledgementID).sealText)
            #expect(revoked.object["signature"] as? String == "valid")
            #expect(revoked.object["status"] as? String == "revoked")
            #expect(revoked.object["revokedReason"] as? String == "Émis par erreur")
            #expect(try await app.send(.post, "/v1/admin/documents/nope/revocation", json: #"{"reason":"x"}"#, token: admin).status == .notFound)
            #expect(try await app.send(.post, "/v1/admin/documents/\(acknowledgementID)/revocation", json: #"{"reason":"  "}"#,
                                       token: admin).problemCode == "invalid-field")
            #expect(try await app.send(.post, "/v1/admin/documents/\(acknowledgementID)/revocation", json: #"{"reason":"x"}"#).status == .forbidden)
        }
    }

    /// P_REVOKE → the confirmation's seal answers revoked; a card's print copy is registered on first view and
    /// revoked when the card is declared lost (R_LOSS).
    static func revocationsFollowTheRecord(_ database: TestDatabase) async throws {
        try await withService(database) { app in
            let created = try await app.send(.post, "/v1/proxy", json: #"{"civility":"Mme","lastName":"DURAND","firstName":"Claire","birthDate":"1990-05-04","certified":true}"#)
            #expect(created.status == .created)
            let proxyID = try #require((created.object["proxy"] as? [String: Any])?["id"] as? String)
            let confirmation = try await registered(app, proxyID)
            #expect(confirmation.kind == .proxyConfirmation && confirmation.subject == "proxy:\(proxyID)")
            let fields = try #require(try await verify(app, confirmation.sealText).object["document"] as? [String: Any])["fields"] as? [String: String]
            #expect(fields?["62"] == "MARTIN" && fields?["60"] == "MARC" && fields?["EE"] == "DURAND" && fields?["EF"] == "CLAIRE")
            #expect(try await verify(app, confirmation.sealText).object["status"] as? String == "valid")
            #expect(try await app.send(.delete, "/v1/proxy").status == .noContent)
            let after = try await verify(app, confirmation.sealText)
            #expect(after.object["status"] as? String == "revoked")
            #expect(after.object["revokedReason"] as? String == "Procuration révoquée par l'assuré.")

            // The print copy of Léa's card: issued on first view, the same on the second.
            let copy = try await app.send(.get, "/v1/beneficiaries/lea/card.pdf")
            #expect(copy.status == .ok)
            let copyID = try sealID(of: copy)
            #expect(copyID.hasPrefix("CC-80250017510000000102-"))
            #expect(try await app.send(.get, "/v1/beneficiaries/lea/card.pdf").bytes == copy.bytes)
            let card = try await registered(app, copyID)
            #expect(card.kind == .cardCopy && card.subject == "card:80250017510000000102")
            #expect(try await verify(app, card.sealText).object["status"] as? String == "valid")
            // The screen image stays the bare face: no seal, nothing registered for it.
            #expect(String(decoding: try await app.send(.get, "/v1/beneficiaries/lea/card.png").bytes, as: UTF8.self).contains("seal=none"))
            let loss = try await app.send(.post, "/v1/beneficiaries/lea/loss-declarations",
                                          json: #"{"kind":"theft","date":"2026-03-13","sworn":true}"#)
            #expect(loss.status == .created)
            let stolen = try await verify(app, card.sealText)
            #expect(stolen.object["status"] as? String == "revoked")
            #expect(stolen.object["revokedReason"] as? String == "Carte déclarée volée.")
            // The loss acknowledgement names the procedure THEFT.
            let ackID = try #require((loss.object["acknowledgement"] as? [String: Any])?["messageId"] as? String)
            let ack = try await verify(app, try await registered(app, "AR-\(ackID)").sealText)
            #expect((ack.object["document"] as? [String: Any])?["fields"] as? [String: String] == [
                "01": "AR-\(ackID)".uppercased(), "62": "MARTIN", "60": "LEA", "EC": "THEFT", "ED": "140320261000"])
        }
    }

    /// R_FULFIL: when a renewal's new card is produced, the old card is replaced and its print copies revoked.
    static func replacementRevokesTheOldCardsCopies(_ database: TestDatabase) async throws {
        try await withService(database) { app in
            let copyID = try sealID(of: try await app.send(.get, "/v1/beneficiaries/lea/card.pdf"))
            let renewal = try await app.send(.post, "/v1/beneficiaries/lea/card-orders", json: #"{"departureWithin15Days":false}"#)
            #expect(renewal.status == .created)
            let orderID = try #require((renewal.object["order"] as? [String: Any])?["id"] as? String)
            // Until the new card exists, the current one and its copy stay valid.
            #expect(try await verify(app, try await registered(app, copyID).sealText).object["status"] as? String == "valid")
            let fulfilment = try await app.send(.post, "/v1/admin/card-orders/\(orderID)/fulfilment", json: "{}",
                                                token: try await app.token(admin: true))
            #expect(fulfilment.status == .ok, "\(fulfilment.text)")
            let after = try await verify(app, try await registered(app, copyID).sealText)
            #expect(after.object["status"] as? String == "revoked")
            #expect(after.object["revokedReason"] as? String == "Carte remplacée par une nouvelle carte.")
            // The new card's copy is another document, valid.
            let newCopy = try sealID(of: try await app.send(.get, "/v1/beneficiaries/lea/card.pdf"))
            #expect(newCopy != copyID)
            #expect(try await verify(app, try await registered(app, newCopy).sealText).object["status"] as? String == "valid")
        }
    }

    /// The seal id EchoRenderer wrote into a rendered document.
    static func sealID(of response: TestResponse) throws -> String {
        try #require(String(decoding: response.bytes, as: UTF8.self).split(separator: "\n")
            .first { $0.hasPrefix("seal=") }.map { String($0.dropFirst(5)) })
    }

    /// Whatever the body, a verification answers 200 or a specific problem, never a 500.
    static func hostileVerificationBodies(_ database: TestDatabase) async throws {
        try await withService(database) { app in
            let garbage = try await verify(app, "DC04 this is not a seal")
            #expect(garbage.status == .unprocessableContent && garbage.problemCode == "invalid-seal")
            #expect(try await verify(app, "").problemCode == "invalid-seal")
            #expect(try await verify(app, String(repeating: "Ł", count: 10_000)).problemCode == "invalid-seal")
            let broken = try await app.send(.post, "/v1/verifications", json: #"{"seal": "#, token: nil)
            #expect(broken.status == .badRequest && broken.problemCode == "invalid-json")
            #expect(try await app.send(.post, "/v1/verifications", json: #"{"seal":"x","extra":1}"#, token: nil).problemCode == "invalid-field")
            #expect(try await app.send(.post, "/v1/verifications", json: #"{"seal":42}"#, token: nil).problemCode == "invalid-field")
            let plain = try await app.client.executeRequest(uri: "/v1/verifications", method: .post,
                                                            headers: [.contentType: "text/plain"], body: ByteBuffer(string: "DC04"))
            #expect(plain.status == .unsupportedMediaType && plain.problemCode == "unsupported-media-type")
            for body in [[UInt8](repeating: 0x89, count: 100), Array("\u{89}PNG\r\n\u{1A}\nbroken".utf8), []] {
                let scan = try await app.client.executeRequest(uri: "/v1/verifications", method: .post,
                                                               headers: [.contentType: "image/png"], body: ByteBuffer(bytes: body))
                #expect(scan.status == .unprocessableContent && scan.problemCode == "no-seal-found")
            }
            let keys = try await app.send(.get, "/v1/verification-keys", token: nil)
            #expect(keys.status == .ok)
            let list = try #require(keys.object["keys"] as? [[String: Any]])
            #expect(list.count == 1 && list[0]["caId"] as? String == "FRAM" && list[0]["certificateId"] as? String == "TEST")
            #expect(list[0]["algorithm"] as? String == "ES256" && list[0]["status"] as? String == "current")
            #expect((list[0]["publicKeyPem"] as? String)?.hasPrefix("-----BEGIN PUBLIC KEY-----") == true)
            // Profile v2: the key's certificate and its authority's, which a 2D-Doc reader's keychain loads.
            #expect((list[0]["certificatePem"] as? String)?.hasPrefix("-----BEGIN CERTIFICATE-----") == true)
            #expect((list[0]["issuerCertificatePem"] as? String)?.hasPrefix("-----BEGIN CERTIFICATE-----") == true)
        }
    }

    /// The real pipeline: the certificate and the card's print copy as served, "scanned" with pdftoppm at 300 dpi,
    /// posted as PNG to the public route → valid; the same scan after the admin revokes → revoked.
    static func scannedPagesVerify(_ database: TestDatabase) async throws {
        let renderer = try EndToEndTests.renderer.get()
        try await withService(database, renderer: renderer) { app in
            let order = try await app.send(.post, "/v1/beneficiaries/hugo/card-orders", json: #"{"departureWithin15Days":true}"#)
            let certificate = try #require(order.object["certificate"] as? [String: Any])
            let pdf = try await app.send(.get, try #require(certificate["downloadUrl"] as? String))
            #expect(pdf.status == .ok)
            let copy = try await app.send(.get, "/v1/beneficiaries/lea/card.pdf")
            #expect(copy.status == .ok)
            for (bytes, type) in [(pdf.bytes, "E1"), (copy.bytes, "E4")] {
                let scan = try scanned(bytes)
                let answer = try await app.client.executeRequest(uri: "/v1/verifications", method: .post,
                                                                 headers: [.contentType: "image/png"], body: ByteBuffer(bytes: scan))
                #expect(answer.status == .ok, "\(answer.text)")
                #expect(answer.object["signature"] as? String == "valid", "\(answer.text)")
                #expect(answer.object["status"] as? String == "valid", "\(answer.text)")
                #expect((answer.object["document"] as? [String: Any])?["type"] as? String == type)
            }
            // The register keeps the digest of exactly the bytes served.
            let id = try #require(certificate["id"] as? String)
            #expect(try await registered(app, id).sha256 == AmeliService.sha256Hex(pdf.bytes))
            let admin = try await app.token(admin: true)
            #expect(try await app.send(.post, "/v1/admin/documents/\(id)/revocation", json: #"{"reason":"Fraude"}"#, token: admin).status == .noContent)
            let after = try await app.client.executeRequest(uri: "/v1/verifications", method: .post, headers: [.contentType: "image/png"],
                                                            body: ByteBuffer(bytes: try scanned(pdf.bytes)))
            #expect(after.object["status"] as? String == "revoked" && after.object["revokedReason"] as? String == "Fraude")
        }
    }

    /// The PDF's first page as a 300-dpi grey PNG, as a scanner would give it.
    static func scanned(_ pdf: [UInt8]) throws -> [UInt8] {
        let path = try EngineTestSupport.temporaryFile(pdf, suffix: ".pdf")
        let out = EngineTestSupport.temporaryPath(suffix: "")
        defer { try? FileManager.default.removeItem(atPath: path); try? FileManager.default.removeItem(atPath: out + ".png") }
        let run = try EngineTestSupport.tool("pdftoppm", ["-r", "300", "-gray", "-png", "-singlefile", path, out])
        #expect(run.status == 0, "\(run.stderr)")
        return Array(try Data(contentsOf: URL(fileURLWithPath: out + ".png")))
    }
}
