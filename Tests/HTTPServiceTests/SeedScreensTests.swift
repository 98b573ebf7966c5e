// SeedScreensTests: the paths and words of the seeds (000, 004) on the web account and the app — « Mes
// informations » and its « Carte CEAM » and « Révoquer », the proxy's start page, the second way to revoke through
// « Mes démarches », the seed's labels — each looked for by its exact text.
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

struct SeedScreensTests {
    /// A proxy for the Martins through the API (the pages' own flow is in the browser check).
    static func grantProxy(_ app: TestHarness) async throws {
        let created = try await app.send(.post, "/v1/proxy", json: """
            {"civility":"M.","lastName":"DUPONT","firstName":"Jean","birthDate":"1970-05-04","certified":true}
            """)
        #expect(created.status == .created, "\(created.text)")
    }

    /// The web account, which is also the app (one stylesheet, down to 360 px).
    @Test func mesInformationsShowsTheIdentityTheCEAMEntryAndTheProxyWithRevoke() async throws {
        let prefix = "/compte"
        try await withService { app in
            let cookies = try await PagesTests.cookies(app)
            let empty = try await app.send(.get, "\(prefix)/informations", token: nil, headers: cookies)
            #expect(empty.status == .ok)
            #expect(empty.text.contains("<h1>Mes informations</h1>"))
            #expect(empty.text.contains(">Mes informations</a>"), "in the navigation bar")
            #expect(empty.text.contains("<td>Email - SMS</td>"), "« Autorisations de contact »")
            #expect(empty.text.contains("href=\"\(prefix)/ceam\">Carte CEAM</a>"))
            #expect(empty.text.contains(Fixtures.martinNIR.grouped))
            #expect(empty.text.contains("Aucune procuration en cours."))
            try await Self.grantProxy(app)
            let page = try await app.send(.get, "\(prefix)/informations", token: nil, headers: cookies)
            let proxy = try #require(try await app.store.household(of: Fixtures.martinNIR)?.activeProxy(on: app.clock.today))
            #expect(page.text.contains("Accordée à \(proxy.holder.displayName) - jusqu'au \(proxy.validUntil.french)"), "\(page.text)")
            #expect(page.text.contains("href=\"\(prefix)/procuration/revocation\">Révoquer</a>"))
            // « Révoquer » → the seed's dialog → revoked.
            let dialog = try await app.send(.get, "\(prefix)/procuration/revocation", token: nil, headers: cookies)
            #expect(dialog.text.contains("Si je révoque ma procuration, le mandataire que j'ai choisi"))
            let csrf = try #require(PagesTests.field("_csrf", in: dialog.text))
            let revoked = try await PagesTests.post(app, "\(prefix)/procuration/revocation", "_csrf=\(csrf)", headers: cookies)
            #expect(revoked.status == .seeOther)
            #expect(try await app.store.household(of: Fixtures.martinNIR)?.activeProxy(on: app.clock.today) == nil)
        }
    }

    @Test func theProxyStartsWithThePrinciplesThenTheForm() async throws {
        try await withService { app in
            let cookies = try await PagesTests.cookies(app)
            let start = try await app.send(.get, "/compte/procuration", token: nil, headers: cookies)
            #expect(start.text.contains("Vous ne pouvez pas vous rendre à l'accueil de votre Caisse d'Assurance Maladie."))
            #expect(start.text.contains("Vous pouvez la révoquer à tout moment dans la rubrique « Mes informations » de votre compte ameli."))
            #expect(start.text.contains("href=\"/compte/procuration/demande\">Je démarre ma demande</a>"))
            let form = try await app.send(.get, "/compte/procuration/demande", token: nil, headers: cookies)
            #expect(form.status == .ok && form.text.contains("je donne procuration à"))
            // With a proxy active, the start is the second way to revoke (« Mes démarches » leads here).
            try await Self.grantProxy(app)
            let active = try await app.send(.get, "/compte/procuration", token: nil, headers: cookies)
            #expect(active.text.contains("Vous avez actuellement une procuration en cours. Elle est valable jusqu'au "))
            #expect(active.text.contains("Cette procuration est accordée à : "))
            #expect(active.text.contains(">Je souhaite révoquer ma procuration</a>"))
            let again = try await app.send(.get, "/compte/procuration/demande", token: nil, headers: cookies)
            #expect(again.status == .seeOther, "one proxy at a time: the form is not offered")
        }
    }

    @Test func mesDemarchesLeadsToTheProxyAndTheCEAM() async throws {
        try await withService { app in
            let page = try await app.send(.get, "/compte/demarches", token: nil, headers: try await PagesTests.cookies(app))
            #expect(page.text.contains("href=\"/compte/procuration\">Faire ou révoquer une procuration en ligne</a>"))
            #expect(page.text.contains("href=\"/compte/ceam\">Commander une carte européenne d'assurance maladie (CEAM)</a>"))
        }
    }

    @Test func theSeedsLabels() async throws {
        try await withService { app in
            let cookies = try await PagesTests.cookies(app)
            let ceam = try await app.send(.get, "/compte/ceam", token: nil, headers: cookies)
            #expect(ceam.text.contains(">Renouveler ma carte</a>"), "Léa's card expires within two months")
            #expect(ceam.text.contains(">Déclarer la perte/vol de ma carte</a>"))
            #expect(ceam.headers[.contentLanguage] == "fr-FR", "the browser is told the page is French")
            try await Self.grantProxy(app)
            let history = try await app.store.procedures(of: Fixtures.martinNIR)
            let proxy = try #require(history.first { $0.kind == .proxy })
            let confirmation = try await app.send(.get, "/compte/demarches/\(proxy.id.value)", token: nil, headers: cookies)
            #expect(confirmation.text.contains(">Retour au tableau de bord</a>"))
            #expect(confirmation.text.contains("Un accusé de réception (Saisie par Voie Electronique) a été déposé"))
            #expect(confirmation.text.contains("dans la rubrique <a href=\"/compte/informations\">Mes informations</a>"))
        }
    }
}

/// The app's behaviours (seed 000), as progressive enhancement: the pages work without them.
struct AppBehaviourTests {
    @Test func aHolderWithoutBeneficiariesSeesTheirOwnCardAtOnce() async throws {
        let dubois = Fixtures.dubois()
        let alone = try InsuredRecord(nir: dubois.nir, email: dubois.email, addressStatus: dubois.addressStatus, rights: dubois.rights,
                                      institution: dubois.institution, beneficiaries: dubois.beneficiaries.filter { $0.nir == dubois.nir })
        try await withService(records: [Fixtures.martin(), alone]) { app in
            let dubois: HTTPFields = [.cookie: "ameli_session_loopback_http=\(try await app.token(Fixtures.duboisNIR)); ameli_csrf_loopback_http=\(PagesTests.nonce)"]
            let page = try await app.send(.get, "/compte/ceam", token: nil, headers: dubois)
            #expect(page.text.contains("<h2>Votre carte</h2>") && !page.text.contains("Les bénéficiaires de votre compte"))
            let martins = try await app.send(.get, "/compte/ceam", token: nil, headers: try await PagesTests.cookies(app))
            #expect(martins.text.contains("<h2>Les bénéficiaires de votre compte</h2>"))
        }
    }

    @Test func theCardEnlargesAndSuivantWaitsForTheRequiredFields() async throws {
        try await withService { app in
            let cookies = try await PagesTests.cookies(app)
            let card = try await app.send(.get, "/compte/ceam/lea/carte", token: nil, headers: cookies)
            #expect(card.text.contains("<a class=\"loupe\" href=\"/compte/ceam/lea/carte.png\""), "a tap on the card opens it full size")
            let form = try await app.send(.get, "/compte/procuration/demande", token: nil, headers: cookies)
            #expect(form.text.contains("data-required-step") && form.text.contains("<script src=\"/static/app.js\" defer></script>"))
            let script = try await app.send(.get, "/static/app.js", token: nil)
            #expect(script.status == .ok && script.headers[.contentType] == "text/javascript; charset=utf-8")
            #expect(script.text.contains("button.disabled = !filled()"))
            let kiosk = try await app.send(.get, "/borne/procuration/demande", token: nil, headers: cookies)
            #expect(!kiosk.text.contains("/static/app.js"), "the kiosk runs its own script only")
        }
    }
}

/// Seed 000's kiosk (BMS): « Mes séjours en Europe » after sign-in, « Continuer » to the list, each action's
/// confirmation in that list, brought up to date.
struct KioskSequenceTests {
    static func cookies(_ app: TestHarness) async throws -> HTTPFields {
        [.cookie: "ameli_session_loopback_http=\(try await app.token()); ameli_csrf_loopback_http=\(PagesTests.nonce)"]
    }

    @Test func theKioskStartsWithStaysInEuropeThenTheList() async throws {
        try await withService { app in
            let cookies = try await Self.cookies(app)
            let home = try await app.send(.get, "/borne", token: nil, headers: cookies)
            #expect(home.status == .seeOther && home.headers[.location] == "/borne/sejours")
            let stays = try await app.send(.get, "/borne/sejours", token: nil, headers: cookies)
            #expect(stays.text.contains("<h1>Mes séjours en Europe – Carte Européenne d") && stays.text.contains("Assurance Maladie</h1>"))
            #expect(stays.text.contains("<summary>Voir la liste des pays concernés</summary>") && stays.text.contains("Liechtenstein"))
            #expect(stays.text.contains("href=\"/borne/ceam\">Continuer</a>"))
            #expect(try await app.send(.get, "/compte", token: nil, headers: cookies).headers[.location] == "/compte/ceam",
                    "the web account and the app go straight to the CEAM")
        }
    }

    @Test func anOrderOnTheKioskIsConfirmedInTheUpdatedList() async throws {
        try await withService { app in
            let cookies = try await Self.cookies(app)
            let form = try await app.send(.get, "/borne/ceam/hugo/commande", token: nil, headers: cookies)
            #expect(form.text.contains("role=\"dialog\""), "the action in a dialog over the list")
            let csrf = try #require(PagesTests.field("_csrf", in: form.text))
            let key = try #require(PagesTests.field("_key", in: form.text))
            let posted = try await PagesTests.post(app, "/borne/ceam/hugo/commande", "_csrf=\(csrf)&_key=\(key)&depart=oui", headers: cookies)
            let location = try #require(posted.headers[.location])
            #expect(posted.status == .seeOther && location.hasPrefix("/borne/ceam?fait=") && location.hasSuffix("#fait"), "\(location)")
            let list = try await app.send(.get, String(location.prefix { $0 != "#" }), token: nil, headers: cookies)
            #expect(list.text.contains("Votre demande a bien été prise en compte"))
            #expect(list.text.contains(">Imprimer ici ce certificat provisoire</a>"), "the certificate, printed on the kiosk")
            #expect(list.text.contains("Demande de carte en cours depuis le"), "the list is up to date: Hugo's order is open")
        }
    }
}
