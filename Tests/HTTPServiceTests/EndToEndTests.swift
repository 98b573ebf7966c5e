// EndToEndTests: the seed flows through the API with the real rendering pipeline, the documents read back with
// poppler (pdftotext), qpdf and libpng.
import DocumentPipeline
import EngineTestSupport
import Foundation
import HTTPService
import Procedures
import HTTPEdge
import HTTPTypes
import HummingbirdTesting
import Records
import Storage
import TeleserviceRules
import Testing

@Suite struct EndToEndTests {
    /// One pipeline for the suite: fonts and templates load once, as in the service.
    static let renderer = Result { try DocumentPipeline(resources: ResourceLocator(root: EngineTestSupport.repository.path)) }

    /// The text of a PDF as poppler reads it (stdout only: poppler warns about libharu's ToUnicode on stderr).
    static func text(ofPDF bytes: [UInt8]) throws -> String {
        let path = try EngineTestSupport.temporaryFile(bytes, suffix: ".pdf")
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(try EngineTestSupport.tool("qpdf", ["--check", path]).status == 0)
        let output = try EngineTestSupport.tool("pdftotext", ["-layout", path, "-"])
        #expect(output.status == 0)
        return output.stdout
    }

    @Test func R_CERTIFICATE_orderWithDepartureServesTheRealCertificateOnceAndTheAcknowledgement() async throws {
        try await withService(renderer: try Self.renderer.get()) { app in
            let order = try await app.send(.post, "/v1/beneficiaries/hugo/card-orders", json: #"{"departureWithin15Days":true}"#)
            #expect(order.status == .created)
            let certificate = try #require(order.object["certificate"] as? [String: Any])
            let pdf = try await app.send(.get, try #require(certificate["downloadUrl"] as? String))
            #expect(pdf.status == .ok)
            let text = try Self.text(ofPDF: pdf.bytes)
            #expect(text.contains("Certificat provisoire de remplacement"))
            #expect(text.contains("MARTIN"))
            #expect(text.contains("14/06/2026"))   // valid until: issue + 3 months (R_CERTIFICATE)
            // The proof kept is the hash of exactly the bytes served.
            let served = try await app.store.certificate(try Identifier(try #require(certificate["id"] as? String)), of: Fixtures.martinNIR)
            #expect(served?.sha256 == AmeliService.sha256Hex(pdf.bytes))
            #expect(try await app.send(.get, try #require(certificate["downloadUrl"] as? String)).status == .gone)

            let inbox = try await app.send(.get, "/v1/inbox")
            let attachment = try #require(inbox.array.first?["attachment"] as? [String: String])
            let acknowledgement = try await app.send(.get, try #require(attachment["url"]))
            #expect(acknowledgement.status == .ok)
            let ackText = try Self.text(ofPDF: acknowledgement.bytes)
            #expect(ackText.contains("CPAM de Paris"))
            #expect(ackText.contains(try #require((order.object["order"] as? [String: Any])?["id"] as? String)))
        }
    }

    @Test func R_VIEW_activeCardAsPNGAtTheRequestedDensityAndAsTrueSizePDF() async throws {
        try await withService(renderer: try Self.renderer.get()) { app in
            let png = try await app.send(.get, "/v1/beneficiaries/lea/card.png")
            #expect(png.status == .ok)
            let image = try RGBImage(png: png.bytes)
            #expect((image.width, image.height) == (1011, 638))   // ID-1 at 300 dpi (D_CARD)
            let small = try RGBImage(png: try await app.send(.get, "/v1/beneficiaries/lea/card.png?dpi=72").bytes)
            #expect((small.width, small.height) == (243, 153))
            // Deterministic rendering: the same card twice is the same bytes, so the ETag holds.
            #expect(try await app.send(.get, "/v1/beneficiaries/lea/card.png").bytes == png.bytes)
            let pdf = try await app.send(.get, "/v1/beneficiaries/lea/card.pdf")
            let text = try Self.text(ofPDF: pdf.bytes)
            #expect(text.contains("80250017510000000102"))
            #expect(text.contains("0175 CPAM PARIS"))
        }
    }

    @Test func P_SCOPE_proxyFlowWithTheRealConfirmation() async throws {
        try await Scenarios.proxyFlow(.sqlite, renderer: try Self.renderer.get()) { bytes in
            let text = try Self.text(ofPDF: bytes)
            #expect(text.contains("DURAND"))
            #expect(text.contains("14/04/2026"))
            #expect(text.replacingOccurrences(of: "\n", with: " ").contains("Service Médical"))
        }
    }
}
