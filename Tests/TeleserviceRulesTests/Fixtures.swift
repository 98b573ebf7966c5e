// Fixtures: a household built in one line per situation, and the instants of a Paris day.
import Foundation
import Records
import TeleserviceRules

enum Fixtures {
    static let institution = try! Institution(id: "0175", acronym: "CPAM PARIS", name: "CPAM de Paris",
                                              address: "21 rue Georges Auric, 75948 Paris Cedex 19", phone: "3646")
    static let insuredNIR = try! NIR("255081416802538")

    static func date(_ iso: String) -> CivilDate { try! CivilDate(iso: iso) }

    /// Noon in Paris on that day, so that the Paris day is unambiguous.
    static func noon(_ iso: String) -> Date {
        ISO8601DateFormatter().date(from: iso + "T12:00:00+01:00")!
    }

    static func submission(_ iso: String, reference: Identifier = "ref-1") -> Submission {
        Submission(reference: reference, receivedAt: noon(iso))
    }

    static func card(issued iso: String, serial: Int = 12345, status: Card.Status = .active) -> Card {
        Card(number: try! CardNumber(institutionDigits: "01751", serial: serial), issueDate: date(iso), status: status)
    }

    static func beneficiary(_ id: Identifier = "eva", nir: NIR? = insuredNIR, born: String = "1955-08-14",
                            cards: [Card] = [], losses: [LossDeclaration] = []) -> Beneficiary {
        try! Beneficiary(id: id, nir: nir, rank: nir == nil ? 1 : nil, lastName: PersonName("DUPONT"),
                         givenNames: PersonName(id == "eva" ? "Eva" : "Léo"), birthDate: date(born),
                         cards: cards, lossDeclarations: losses)
    }

    static func household(_ beneficiaries: [Beneficiary] = [beneficiary()], address: AddressStatus = .ok,
                          rights: RightsStatus = .open, orders: [CardOrder] = [], proxies: [Proxy] = []) -> Household {
        Household(record: try! InsuredRecord(nir: insuredNIR, email: "eva.dupont@example.org", addressStatus: address,
                                             rights: rights, institution: institution, beneficiaries: beneficiaries),
                  orders: orders, proxies: proxies)
    }

    static func household(card: Card?, losses: [LossDeclaration] = [], address: AddressStatus = .ok,
                          rights: RightsStatus = .open, orders: [CardOrder] = []) -> Household {
        household([beneficiary(cards: card.map { [$0] } ?? [], losses: losses)], address: address, rights: rights, orders: orders)
    }

    static func openOrder(for id: Identifier = "eva", on iso: String, kind: OrderKind = .order) -> CardOrder {
        CardOrder(id: "order-1", beneficiaryID: id, kind: kind, submittedAt: noon(iso), departureWithin15Days: false,
                  reservedCardNumber: try! CardNumber(institutionDigits: "01751", serial: 99))
    }

    static let reserved = try! CardNumber(institutionDigits: "01751", serial: 777)

    static func request(_ household: Household, on iso: String, for id: Identifier = "eva",
                        departure: Bool? = false) -> Decision<CardTeleservice.CardRequestOutcome> {
        CardTeleservice.requestCard(for: id, departureWithin15Days: departure, in: household,
                                    submission: submission(iso), reservedCardNumber: reserved, certificateID: "cert-1")
    }

    static func declare(_ household: Household, on iso: String, lostOn: String? = nil, kind: LossKind = .loss,
                        sworn: Bool = true, for id: Identifier = "eva") -> Decision<CardTeleservice.LossOutcome> {
        CardTeleservice.declareLoss(for: id, kind: kind, date: date(lostOn ?? iso), sworn: sworn, in: household,
                                    submission: submission(iso))
    }

    static func availability(_ household: Household, on iso: String, for id: Identifier = "eva") -> [CardAction: ActionAvailability] {
        Dictionary(uniqueKeysWithValues: CardTeleservice.actions(for: id, in: household, today: date(iso)).map { ($0.action, $0) })
    }
}
