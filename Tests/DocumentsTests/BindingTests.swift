// BindingTests: each record offers exactly the bindings its template may name, formatted as the documents print.
import DisplayList
import Documents
import Foundation
import Records
import TeleserviceRules
import Testing

struct BindingTests {
    static let examples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Examples")

    static func example<T: Decodable>(_ name: String, as type: T.Type) throws -> T {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return try decoder.decode(type, from: Data(contentsOf: examples.appendingPathComponent(name)))
    }

    func keys(_ bindings: Bindings) -> Set<String> { Set(bindings.values.keys) }

    @Test func everyContentOffersExactlyItsSchema() throws {
        let certificate = try Self.example("certificate.json", as: ProvisionalCertificate.self)
        let card = try Self.example("card.json", as: CardFace.self)
        let acknowledgement = try Self.example("acknowledgement.json", as: Acknowledgement.self)
        let proxy = try Self.example("proxy-confirmation.json", as: ProxyConfirmation.self)
        #expect(keys(certificate.bindings) == Set(DocumentKind.certificate.bindingSchema.keys))
        #expect(keys(card.bindings) == Set(DocumentKind.card.bindingSchema.keys))
        #expect(keys(acknowledgement.bindings) == Set(DocumentKind.acknowledgement.bindingSchema.keys))
        #expect(keys(proxy.bindings) == Set(DocumentKind.proxyConfirmation.bindingSchema.keys))
    }

    @Test func D_CPR_datesAreDayMonthYearAndTheNumberIsGrouped() throws {
        let bindings = try Self.example("certificate.json", as: ProvisionalCertificate.self).bindings
        #expect(bindings.text("birthDate") == "14/08/1955")
        #expect(bindings.text("validFrom") == "14/03/2026")
        #expect(bindings.text("validUntil") == "14/06/2026")
        #expect(bindings.text("issuedOn") == "14/03/2026")
        #expect(bindings.text("personalNumber") == "2 55 08 14 168 025 38")
        #expect(bindings.text("institutionCardField") == "0175 CPAM PARIS")
    }

    @Test func D_ACK_receptionIsShownInParisTime() throws {
        // 2026-07-03T08:15:00+02:00 is summer time; the record says it, Paris shows 08 h 15.
        let summer = try Self.example("acknowledgement.loss-declaration.json", as: Acknowledgement.self)
        #expect(summer.bindings.text("receivedDate") == "03/07/2026")
        #expect(summer.bindings.text("receivedTime") == "08 h 15")
        #expect(summer.bindings.list("nextSteps") == summer.nextSteps)
        #expect(summer.bindings.text("procedure") == ProcedureKind.lossDeclaration.french)
    }

    @Test func D_PROXY_usageNameIsEmptyWhenThereIsNone() throws {
        let with = try Self.example("proxy-confirmation.json", as: ProxyConfirmation.self)
        let without = try Self.example("proxy-confirmation.no-usage-name.json", as: ProxyConfirmation.self)
        #expect(with.bindings.text("holderUsageName") == "DURAND")
        #expect(without.bindings.text("holderUsageName") == "")
        #expect(with.bindings.text("holderName") == "Mme MARTIN (DURAND) Claire")
    }

    @Test func aConditionalElementIsLeftOutWhenItsBindingIsEmpty() throws {
        let library = try TemplateLibrary(directory: try ResourceLocator.locate().templatesDirectory)
        let template = library.template(for: .proxyConfirmation)
        let with = template.bind(try Self.example("proxy-confirmation.json", as: ProxyConfirmation.self))
        let without = template.bind(try Self.example("proxy-confirmation.no-usage-name.json", as: ProxyConfirmation.self))
        #expect(with.strings.contains("Nom d'usage"))
        #expect(with.strings.contains("DURAND"))
        #expect(!without.strings.contains("Nom d'usage"))
        #expect(with.blocks.count == without.blocks.count + 2)
    }

    @Test func documentInfoComesFromTheRecordNeverTheClock() throws {
        let library = try TemplateLibrary(directory: try ResourceLocator.locate().templatesDirectory)
        let acknowledgement = try Self.example("acknowledgement.json", as: Acknowledgement.self)
        let info = library.template(for: .acknowledgement).bind(acknowledgement).info
        #expect(info.creationSeconds == Int64(acknowledgement.receivedAt.timeIntervalSince1970))
        #expect(info.creationOffsetMinutes == 60)
        #expect(info.author == "Assurance Maladie — CPAM de Paris")
        #expect(info.title == "Accusé de réception — Commande d'une carte européenne d'assurance maladie")
        let certificate = try Self.example("certificate.json", as: ProvisionalCertificate.self)
        let certificateInfo = library.template(for: .certificate).bind(certificate).info
        // 14/03/2026 00:00 in Paris is 13/03/2026 23:00 UTC.
        #expect(certificateInfo.creationSeconds == 1_773_442_800)
    }
}
