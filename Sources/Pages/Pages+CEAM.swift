// Pages+CEAM: the European card's screens — the household with its actions, order or renewal, loss or theft, the
// card itself (seed 000: "Carte européenne d'assurance maladie").
import HTTPEdge
import Procedures
import DocumentPipeline
import Foundation
import Hummingbird
import OpenAPIRuntime
import Records
import Storage
import TeleserviceRules

extension Pages {
    /// Where the card is used (seed 000): the 27 member states, Iceland, Liechtenstein, Norway and Switzerland; the
    /// United Kingdom under its own arrangement with the European Union.
    static let countries = [
        "Allemagne", "Autriche", "Belgique", "Bulgarie", "Chypre", "Croatie", "Danemark", "Espagne", "Estonie", "Finlande",
        "France", "Grèce", "Hongrie", "Irlande", "Italie", "Lettonie", "Lituanie", "Luxembourg", "Malte", "Pays-Bas",
        "Pologne", "Portugal", "République tchèque", "Roumanie", "Slovaquie", "Slovénie", "Suède",
        "Islande", "Liechtenstein", "Norvège", "Suisse",
    ]

    static func label(_ action: CardAction) -> String {
        switch action {
        case .order: "Commander une carte"
        // The seed's words (000): « Renouveler ma carte », « Déclarer la perte/vol de ma carte ».
        case .renew: "Renouveler ma carte"
        case .declareLoss: "Déclarer la perte/vol de ma carte"
        case .view: "Voir et imprimer la carte"
        }
    }

    static func path(_ action: CardAction, beneficiary: Identifier, prefix: String) -> String {
        switch action {
        case .order, .renew: "\(prefix)/ceam/\(beneficiary.value)/commande"
        case .declareLoss: "\(prefix)/ceam/\(beneficiary.value)/perte"
        case .view: "\(prefix)/ceam/\(beneficiary.value)/carte"
        }
    }

    static func statusText(_ status: Card.State) -> String {
        switch status {
        case .active: "valide"
        case .cancelled: "annulée (perte ou vol déclaré)"
        case .expired: "expirée"
        case .replaced: "remplacée"
        }
    }

    func household(_ page: PageRequest) async throws -> Household {
        guard let household = try await service.household(of: page.caller) else { throw APIProblem.notFound }
        return household
    }

    func beneficiary(_ page: PageRequest, in household: Household) throws -> Beneficiary {
        guard let id = try? Identifier(page.id), let beneficiary = household.record.beneficiaries.first(where: { $0.id == id }) else {
            throw APIProblem.notFound
        }
        return beneficiary
    }

    static func name(_ beneficiary: Beneficiary) -> String { "\(beneficiary.givenNames.value) \(beneficiary.lastName.value)" }

    /// `/ceam`: the explanation, the countries, and each beneficiary with the actions open now or why not (R_ACTIONS).
    func ceam(_ page: PageRequest) async throws -> Response {
        let household = try await household(page)
        let today = CivilDate(service.clock())
        let people = household.record.beneficiaries.map { beneficiary in
            let actions = CardTeleservice.actions(for: beneficiary.id, in: household, today: today).map { line in
                CEAMPage.Beneficiary.Action(label: Self.label(line.action), available: line.available,
                                            href: Self.path(line.action, beneficiary: beneficiary.id, prefix: page.prefix),
                                            detail: line.detail, availableFrom: line.availableFrom?.french)
            }
            let card = beneficiary.latestCard.map { card in
                CEAMPage.Beneficiary.Card(number: card.number.value, expiry: card.expiryDate.french,
                                          status: Self.statusText(card.state(on: today)))
            }
            let openOrder = household.openOrder(for: beneficiary.id).map {
                "Demande de carte en cours depuis le \(CivilDate($0.submittedAt).french)"
            }
            return CEAMPage.Beneficiary(id: beneficiary.id.value, name: Self.name(beneficiary), birthDate: beneficiary.birthDate.french,
                                        actions: actions, card: card, openOrder: openOrder)
        }
        // A holder without beneficiaries sees their own card and actions at once (seed 000: « accède directement »).
        let values = CEAMPage(title: "Carte européenne d'assurance maladie", beneficiaries: people, single: people.count == 1,
                              countries: Self.countries.map(CountryLine.init), done: try await doneProcedure(page))
        return await self.page("ceam", values, request: page.request, channel: page.channel, caller: page.caller)
    }

    /// Seed 000's kiosk, step 0: « Mes séjours en Europe », the explanations and, on request, the countries; then
    /// « Continuer » to the list of beneficiaries.
    func stays(_ page: PageRequest) async throws -> Response {
        await self.page("sejours", StaysPage(title: "Mes séjours en Europe – Carte Européenne d'Assurance Maladie",
                                             countries: Self.countries.map(CountryLine.init)),
                        request: page.request, channel: page.channel, caller: page.caller)
    }

    /// The procedure just done (`?fait=ID`, with `certificat=ID` when one was issued), for the kiosk's
    /// confirmation in the list: what was done, the certificate's one download, the acknowledgement in the inbox.
    private func doneProcedure(_ page: PageRequest) async throws -> CEAMPage.Done? {
        guard let text = page.request.uri.queryParameters.get("fait"), let id = try? Identifier(text),
              let entry = try await service.procedures(of: page.caller).first(where: { $0.id == id }) else { return nil }
        return CEAMPage.Done(what: entry.kind.french, submittedAt: Self.parisTime(entry.submittedAt),
                             card: entry.kind == .order || entry.kind == .renewal, loss: entry.kind == .lossDeclaration,
                             certificate: try await certificateLine(page))
    }

    // MARK: Order or renewal (R_ORDER, R_RENEW_WINDOW, R_DEPARTURE, R_CERTIFICATE)

    func orderPage(_ page: PageRequest) async throws -> Response {
        try await orderForm(page, error: nil)
    }

    private func orderForm(_ page: PageRequest, error: String?, status: HTTPResponse.Status = .ok) async throws -> Response {
        let household = try await household(page)
        let beneficiary = try beneficiary(page, in: household)
        let today = CivilDate(service.clock())
        let lines = CardTeleservice.actions(for: beneficiary.id, in: household, today: today)
        let renew = lines.first { $0.action == .renew }
        let order = lines.first { $0.action == .order }
        let open = (renew?.available == true) ? renew : order
        let available = open?.available == true
        let values = OrderPage(title: renew?.available == true ? "Renouveler la carte" : "Commander une carte",
                               name: Self.name(beneficiary), id: beneficiary.id.value, available: available,
                               blocked: available ? nil : (renew?.detail ?? order?.detail) ?? "Cette démarche n'est pas possible aujourd'hui.",
                               availableFrom: available ? nil : (renew?.availableFrom ?? order?.availableFrom)?.french, error: error)
        return await self.page("commande", values, status: status, request: page.request, channel: page.channel, caller: page.caller)
    }

    func order(_ page: PageRequest) async throws -> Response {
        guard let (form, bytes) = try await form(page) else {
            return await forbidden(page.request, page.channel, caller: page.caller)
        }
        let departure: Bool? = switch form["depart"] { case "oui": true; case "non": false; default: nil }
        do {
            let (answer, _) = try await service.orderCard(try call(page, key: form["_key"], body: bytes), beneficiary: page.id,
                                                          departureWithin15Days: departure)
            // The kiosk confirms in the list of beneficiaries, brought up to date (seed 000, BMS step 4); the web
            // account and the app on a page of their own.
            var target = page.channel == .kiosk ? "\(page.prefix)/ceam?fait=\(answer.acknowledgement.value)"
                                                : "\(page.prefix)/demarches/\(answer.acknowledgement.value)"
            if let certificate = answer.certificate { target += (page.channel == .kiosk ? "&" : "?") + "certificat=\(certificate.id.value)" }
            // On the kiosk, straight to the confirmation at the top of the list.
            return Self.redirect(to: page.channel == .kiosk ? target + "#fait" : target)
        } catch {
            // A refusal (R_DEPARTURE, R_ONE_OPEN_ORDER, …) is shown on the form; "not yours" is the 404 page.
            let problem = APIProblem.answering(error, context: page.context)
            guard problem.status.kind == .clientError, problem.status != .notFound else {
                return await failure(page.request, page.channel, caller: page.caller, problem: problem)
            }
            return try await orderForm(page, error: problem.detail, status: .unprocessableContent)
        }
    }

    // MARK: Loss or theft (R_LOSS)

    func lossPage(_ page: PageRequest) async throws -> Response {
        try await lossForm(page, echo: LossEcho())
    }

    private func lossForm(_ page: PageRequest, echo: LossEcho, status: HTTPResponse.Status = .ok) async throws -> Response {
        let household = try await household(page)
        let beneficiary = try beneficiary(page, in: household)
        let today = CivilDate(service.clock())
        let line = CardTeleservice.actions(for: beneficiary.id, in: household, today: today).first { $0.action == .declareLoss }
        let available = line?.available == true
        let values = LossPage(title: "Déclarer la perte ou le vol de la carte", name: Self.name(beneficiary), id: beneficiary.id.value,
                              today: today.iso, available: available,
                              blocked: available ? nil : line?.detail ?? "Cette démarche n'est pas possible aujourd'hui.",
                              cardNumber: beneficiary.latestCard?.number.value, echo: echo)
        return await self.page("perte", values, status: status, request: page.request, channel: page.channel, caller: page.caller)
    }

    func declareLoss(_ page: PageRequest) async throws -> Response {
        guard let (form, bytes) = try await form(page) else {
            return await forbidden(page.request, page.channel, caller: page.caller)
        }
        let kind: LossKind? = switch form["nature"] { case "perte": .loss; case "vol": .theft; default: nil }
        let date = form["date"] ?? ""
        let sworn = form["sworn"] == "on"
        var echo = LossEcho(date: date, sworn: sworn, loss: kind == .loss, theft: kind == .theft)
        guard let kind else {
            echo.error = "Indiquez s'il s'agit d'une perte ou d'un vol."
            echo.kindError = true
            return try await lossForm(page, echo: echo, status: .unprocessableContent)
        }
        do {
            let (answer, _) = try await service.declareLoss(try call(page, key: form["_key"], body: bytes), beneficiary: page.id,
                                                            kind: kind, date: date, sworn: sworn)
            return Self.redirect(to: page.channel == .kiosk ? "\(page.prefix)/ceam?fait=\(answer.acknowledgement.value)#fait"
                                                            : "\(page.prefix)/demarches/\(answer.acknowledgement.value)")
        } catch {
            let problem = APIProblem.answering(error, context: page.context)
            guard problem.status.kind == .clientError, problem.status != .notFound else {
                return await failure(page.request, page.channel, caller: page.caller, problem: problem)
            }
            // The fields the rules (or the date's own check) name are the ones marked invalid.
            let fields = Set(problem.errors.map(\.field))
            echo.error = problem.detail
            echo.dateError = fields.contains("date")
            echo.swornError = fields.contains("sworn")
            return try await lossForm(page, echo: echo, status: .unprocessableContent)
        }
    }

    // MARK: The card (R_VIEW, D_CARD)

    func cardPage(_ page: PageRequest) async throws -> Response {
        let household = try await household(page)
        let beneficiary = try beneficiary(page, in: household)
        var values = CardPage(title: "Carte de \(Self.name(beneficiary))", name: Self.name(beneficiary), id: beneficiary.id.value)
        switch CardTeleservice.cardFace(for: beneficiary.id, in: household, today: CivilDate(service.clock())) {
        case .refused(let refusal):
            values.blocked = refusal.message
        case .accepted(let face):
            values.face = true
            // The image's text alternative carries every field of the card (RGAA 1.3).
            values.alt = "Carte européenne d'assurance maladie. 3 Nom : \(face.lastName.value). 4 Prénoms : \(face.givenNames.value). "
                + "5 Date de naissance : \(face.birthDate.french). 6 Numéro d'identification personnel : \(face.personalNumber.grouped). "
                + "7 Numéro d'identification de l'institution : \(face.institution.cardField). "
                + "8 Numéro d'identification de la carte : \(face.cardNumber.value). 9 Date d'expiration : \(face.expiryDate.french)."
        }
        return await self.page("carte", values, request: page.request, channel: page.channel, caller: page.caller)
    }

    func cardImage(_ page: PageRequest) async throws -> Response {
        Self.document(try await service.card(page.caller, beneficiary: page.id, format: .png, dpi: 300, ifNoneMatch: page.ifNoneMatch),
                      type: "image/png", disposition: { _ in nil })
    }

    func cardPDF(_ page: PageRequest) async throws -> Response {
        Self.document(try await service.card(page.caller, beneficiary: page.id, format: .pdf, dpi: 300, ifNoneMatch: page.ifNoneMatch),
                      type: "application/pdf", disposition: { _ in "inline; filename=\"ceam-\(page.id).pdf\"" })
    }
}
