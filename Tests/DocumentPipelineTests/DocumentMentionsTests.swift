// DocumentMentionsTests: every mention DOMAIN.md lists for D_CPR, D_ACK (each procedure kind) and D_PROXY is on
// the page, read from the display list.
import DisplayList
import DocumentPipeline
import Documents
import Foundation
import Records
import TeleserviceRules
import Testing

struct DocumentMentionsTests {
    func page(_ name: String) throws -> Page { try Fixtures.pipeline.get().pages(try Fixtures.record(name))[0] }

    func expectMentions(_ mentions: [String], in name: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let text = Fixtures.normalised(Fixtures.text(of: try page(name)))
        for mention in mentions {
            #expect(text.contains(Fixtures.normalised(mention)), "\(name) lacks “\(mention)”", sourceLocation: sourceLocation)
        }
    }

    @Test(arguments: ["certificate", "certificate.long-names", "certificate.one-letter"])
    func D_CPR_hasEveryMentionOfAnnexII(name: String) throws {
        guard case .certificate(let c) = try Fixtures.record(name) else { Issue.record("not a certificate"); return }
        try expectMentions([
            "Certificat provisoire de remplacement de la carte européenne d'assurance maladie",
            "Provisional replacement certificate of the European Health Insurance Card",
            "Article 25 du règlement (CE) n° 987/2009", "Article 25 of Regulation (EC) No 987/2009",
            "État membre émetteur", "Issuing Member State", "Nom", "Name", "Prénoms", "Given names",
            "Date de naissance", "Date of birth", "Numéro d'identification personnel", "Personal identification number",
            "Numéro d'identification et sigle de l'institution", "Identification number and acronym of the institution",
            "Numéro d'identification de la carte", "Identification number of the card", "Date d'expiration", "Expiry date",
            "Période de validité du certificat", "Certificate validity period", "Du", "From", "Au", "To",
            "Date de délivrance du certificat", "Date of issue of the certificate",
            "Signature et/ou cachet de l'institution", "Signature and/or stamp of the institution",
            "données lisibles à vue de la carte", "eye-readable data of the European Health Insurance Card",
            // The values, dates DD/MM/YYYY.
            c.issuingState, c.lastName.value, c.givenNames.value, c.birthDate.french, c.personalNumber.grouped,
            c.institution.cardField, c.cardNumber.value, c.cardExpiryDate.french, c.validFrom.french,
            c.validUntil.french, c.issuedOn.french, c.institution.name, c.institution.address,
        ], in: name)
    }

    @Test func D_CPR_fieldsAreKeyedByTheirEUNumbersInOrder() throws {
        let runs = Fixtures.runs(of: try page("certificate"))
        let numbers = ["1–2", "3", "4", "5", "6", "7", "8", "9", "(a)", "(b)", "(c)"]
        let placed = try numbers.map { number in try #require(runs.first { $0.text == number }, "field \(number)") }
        #expect(placed.map(\.origin.y) == placed.map(\.origin.y).sorted())
        #expect(Set(placed.map(\.origin.y)).count == numbers.count)
        // Each value sits on its number's line: the name on field 3's.
        guard case .certificate(let c) = try Fixtures.record("certificate") else {
            Issue.record("Examples/certificate.json is not a certificate")
            return
        }
        let name = try #require(runs.first { $0.text == c.lastName.value })
        #expect(name.origin.y == placed[1].origin.y)
        // Dates are DD/MM/YYYY.
        let dates = runs.map(\.text).filter { $0.range(of: #"^\d{2}/\d{2}/\d{4}$"#, options: .regularExpression) != nil }
        #expect(dates.count == 5)
    }

    @Test func D_CPR_aLongNameWrapsInItsFieldAndStaysWhole() throws {
        guard case .certificate(let c) = try Fixtures.record("certificate.long-names") else {
            Issue.record("Examples/certificate.long-names.json is not a certificate")
            return
        }
        // The field's lines, left to right and top to bottom, read the name whole (Templates/README.md, "Limits").
        let runs = Fixtures.runs(of: try page("certificate.long-names"))
        let firstLine = try #require(runs.first { c.lastName.value.hasPrefix($0.text) && $0.text.count > 3 })
        let lines = runs.filter { abs($0.origin.x - firstLine.origin.x) < 1e-6 && $0.origin.y >= firstLine.origin.y }.prefix(2)
        #expect(lines.map(\.text).joined(separator: " ") == c.lastName.value)
        #expect(c.lastName.value.count == 40)
        for line in lines {
            #expect(line.size <= 11 && line.size >= 7)
            #expect(line.origin.x + line.width <= Length.points(millimetres: 190) + 1e-9)
        }
    }

    static let acknowledgements: [(name: String, procedure: ProcedureKind)] = [
        ("acknowledgement", .order), ("acknowledgement.renewal", .renewal),
        ("acknowledgement.loss-declaration", .lossDeclaration), ("acknowledgement.proxy", .proxy),
        ("acknowledgement.proxy-revocation", .proxyRevocation), ("acknowledgement.long-names", .order),
    ]

    @Test func D_ACK_everyProcedureKindHasASample() {
        #expect(Set(Self.acknowledgements.map(\.procedure)) == Set(ProcedureKind.allCases))
    }

    @Test(arguments: acknowledgements.map(\.name))
    func D_ACK_hasEveryMentionOfCRPA(name: String) throws {
        guard case .acknowledgement(let a) = try Fixtures.record(name) else { Issue.record("not an acknowledgement"); return }
        try expectMentions([
            "Accusé de réception",
            // When it was received, in Paris time.
            "\(ParisTime.date(a.receivedAt)) à \(ParisTime.time(a.receivedAt)) (heure de Paris)",
            // The service handling it, with its address and telephone.
            "Service chargé de votre demande", a.institution.name, a.institution.address, "Téléphone : \(a.institution.phone)",
            // What was asked, for whom, the reference.
            a.procedure.french, a.concerning, a.reference.value, a.insuredName,
            // The legal basis.
            "L112-11", "R112-11-1", "code des relations entre le public et l'administration",
        ] + a.nextSteps, in: name)
        let procedure = Self.acknowledgements.first { $0.name == name }!.procedure
        #expect(a.procedure == procedure)
    }

    @Test(arguments: ["proxy-confirmation", "proxy-confirmation.no-usage-name", "proxy-confirmation.long-names"])
    func D_PROXY_hasIdentityValidityScopeExclusionsAndInstructions(name: String) throws {
        guard case .proxyConfirmation(let p) = try Fixtures.record(name) else { Issue.record("not a proxy"); return }
        try expectMentions([
            p.holder.civility.long, p.holder.lastName.value, p.holder.firstName.value, p.holder.birthDate.french,
            "Valable jusqu'au", "\(p.validUntil.french) inclus", p.scope, p.exclusions, p.insuredName, p.proxyID.value,
            "\(ParisTime.date(p.createdAt)) à \(ParisTime.time(p.createdAt))",
        ] + p.instructions + (p.holder.usageName.map { ["Nom d'usage", $0.value] } ?? []), in: name)
        if p.holder.usageName == nil {
            #expect(!Fixtures.text(of: try page(name)).contains("Nom d'usage"))
        }
        // P_SCOPE's words themselves: the medical service is excluded, the NIR or carte Vitale, an identity document.
        let text = Fixtures.text(of: try page(name))
        for word in ["Service Médical", "carte Vitale", "pièce d'identité"] { #expect(text.contains(word)) }
    }
}
