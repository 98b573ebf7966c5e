// PageContextsTests: every name a page template reads is a property of that page's typed values or of the layout's
// frame. Mustache renders an unknown name as nothing, so a renamed property would otherwise blank a page silently.
import Documents
import Foundation
@testable import Pages
import Testing

@Suite struct PageContextsTests {
    /// One value of each page's type with every optional and list filled, so that reflection sees every property,
    /// nested ones included.
    static let samples: [String: any Sendable] = {
        let certificate = CertificateLine(id: "c", downloaded: false, validUntil: "v")
        let action = CEAMPage.Beneficiary.Action(label: "l", available: true, href: "h", detail: "d", availableFrom: "f")
        let beneficiary = CEAMPage.Beneficiary(id: "i", name: "n", birthDate: "b", actions: [action],
                                               card: .init(number: "n", expiry: "e", status: "s"), openOrder: "o")
        let done = CEAMPage.Done(what: "w", submittedAt: "s", card: true, loss: true, certificate: certificate)
        let verdict = VerificationPage.Verdict(good: true, signature: "s", status: "s", id: "i", issuedOn: "o",
                                               fields: [.init(code: "c", value: "v")])
        var confirmation = ConfirmationPage(title: "t", id: "i", kind: "k", submittedAt: "s")
        (confirmation.orderHref, confirmation.certificate, confirmation.rated) = ("h", certificate, "r")
        (confirmation.rating, confirmation.messageId) = ([.init(score: 1)], "m")
        return [
            "carte": CardPage(title: "t", name: "n", id: "i", blocked: "b", face: true, alt: "a"),
            "ceam": CEAMPage(title: "t", beneficiaries: [beneficiary], single: true, countries: [CountryLine(name: "n")], done: done),
            "certificat": CertificatePage(title: "t", id: "i", downloaded: true, validUntil: "v"),
            "commande": OrderPage(title: "t", name: "n", id: "i", available: true, blocked: "b", availableFrom: "f", error: "e"),
            "connexion": SignInPage(title: "t", demo: true, households: [.init(nir: "n", name: "n")]),
            "demarche": confirmation,
            "demarches": HistoryPage(title: "t", entries: [.init(id: "i", kind: "k", submittedAt: "s", status: "s", rating: "r")], empty: false),
            "erreur": MessagePage(title: "t", message: "m"),
            "informations": InformationPage(title: "t", nir: "n", email: "e", institution: "i", rights: "r", name: "n",
                                            givenNames: "g", card: "c", proxy: true, holder: "h", validUntil: "v"),
            "messagerie": InboxPage(title: "t", messages: [.init(id: "i", subject: "s", receivedAt: "r", concerning: "c")], empty: false),
            "perte": LossPage(title: "t", name: "n", id: "i", today: "d", available: true, blocked: "b", cardNumber: "c",
                              echo: LossEcho(date: "d", error: "e")),
            "procuration": ProxyFormPage(title: "t", fields: [.init(name: "n", label: "l", hint: "h", value: "v", date: true, required: true, error: "e")],
                                         civilityMme: true, civilityM: false, civilityError: "e", summary: "s",
                                         errors: [.init(field: "f", label: "l", detail: "d")], hasErrors: true),
            "procuration-active": ActiveProxyPage(title: "t", holder: "h", born: "b", birthDate: "d", validUntil: "v", createdOn: "c", id: "i"),
            "procuration-debut": TitledPage(title: "t"),
            "procuration-recapitulatif": ProxySummaryPage(title: "t", rows: [.init(label: "l", value: "v")],
                                                          hidden: [.init(name: "n", value: "v")], error: "e"),
            "revocation": RevocationPage(title: "t", holder: "h"),
            "sejours": StaysPage(title: "t", countries: [CountryLine(name: "n")]),
            "verifier": VerificationPage(seal: "s", error: "e", result: verdict),
        ]
    }()

    /// Every property name reachable from `value`, through nested values, optionals and lists.
    static func names(in value: Any) -> Set<String> {
        var names = Set<String>()
        for child in Mirror(reflecting: value).children {
            if let label = child.label { names.insert(label) }
            names.formUnion(Self.names(in: child.value))
        }
        return names
    }

    /// The names a template reads: variables and sections, not blocks, partials, closings or comments.
    static func tags(in template: String) throws -> Set<String> {
        let pattern = try Regex(#"\{\{\{?\s*([#^&]?)\s*([A-Za-z][A-Za-z0-9.]*)\s*\}?\}\}"#)
        return Set(template.matches(of: pattern).compactMap { match in
            (match.output[2].substring.map(String.init) ?? "").split(separator: ".").first.map(String.init)
        })
    }

    static let frameNames: Set<String> = ["prefix", "kiosk", "signedIn", "csrf", "idleSeconds", "formKey"]

    @Test func everyTemplateReadsOnlyItsPagesProperties() throws {
        let directory = try ResourceLocator.locate().templatesDirectory + "/web"
        let templates = try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasSuffix(".mustache") }
        #expect(templates.count == Self.samples.count + 1, "a page template without its typed values here")
        for file in templates where file != "layout.mustache" {
            let name = String(file.dropLast(".mustache".count))
            let sample = try #require(Self.samples[name], "no typed values for \(file)")
            let text = try String(contentsOfFile: directory + "/" + file, encoding: .utf8)
            let unknown = try Self.tags(in: text).subtracting(Self.names(in: sample)).subtracting(Self.frameNames)
            #expect(unknown.isEmpty, "\(file) reads \(unknown.sorted()), which its values do not have")
        }
        // The layout reads the frame and the title, which every page has.
        let layout = try String(contentsOfFile: directory + "/layout.mustache", encoding: .utf8)
        #expect(try Self.tags(in: layout).subtracting(Self.frameNames) == ["title"])
        for (name, sample) in Self.samples { #expect(Self.names(in: sample).contains("title"), "\(name) has no title") }
    }

    /// The frame answers its own names, and the page's properties otherwise, an absent optional as no value.
    @Test func frameLooksUpThePagesPropertiesAndUnwrapsOptionals() {
        let frame = PageFrame(prefix: "/borne", kiosk: true, signedIn: false, csrf: "x", idleSeconds: 120, formKey: "k",
                              values: OrderPage(title: "T", name: "N", id: "1", available: false, blocked: nil, availableFrom: "le 1er",
                                                error: nil))
        #expect(frame.child(named: "prefix") as? String == "/borne")
        #expect(frame.child(named: "title") as? String == "T")
        #expect(frame.child(named: "availableFrom") as? String == "le 1er")
        #expect(frame.child(named: "blocked") == nil)
        #expect(frame.child(named: "nothing") == nil)
    }
}
