// Viewing and fulfilment: R_VIEW, R_FULFIL, and R_ACTIONS over every situation.
import Testing
import Records
import TeleserviceRules

struct ViewAndFulfilRulesTests {
    typealias F = Fixtures

    @Test func R_VIEW_activeCardGivesItsFace() throws {
        let face = try CardTeleservice.cardFace(for: "eva", in: F.household(card: F.card(issued: "2025-01-10")), today: F.date("2027-01-10")).get()
        #expect(face.cardNumber == F.card(issued: "2025-01-10").number)
        #expect(face.expiryDate == F.date("2027-01-10"))
        #expect(face.institution.cardField == "0175 CPAM PARIS")
        #expect(face.personalNumber == F.insuredNIR)
    }

    @Test(arguments: [
        ("expired", "a expiré le 10/01/2027"),
        ("cancelled", "annulée après la déclaration de vol du 01/12/2026"),
        ("none", "n'a pas de carte"),
    ])
    func R_VIEW_refusedWithTheReason(situation: String, reason: String) {
        let card: Card? = switch situation {
        case "expired": F.card(issued: "2025-01-10")
        case "cancelled": F.card(issued: "2025-01-10", status: .cancelled(on: F.date("2026-12-01"), kind: .theft))
        default: nil
        }
        let refusal = CardTeleservice.cardFace(for: "eva", in: F.household(card: card), today: F.date("2027-01-11")).refusal
        #expect(refusal?.rule == .R_VIEW)
        #expect(refusal?.message.contains(reason) == true)
    }

    @Test func R_FULFIL_newCardBecomesActiveAndOrderCloses() throws {
        let ordered = try F.request(F.household(card: nil), on: "2026-11-20").get()
        let outcome = try CardTeleservice.fulfil(orderID: ordered.order.id, in: ordered.household, cardNumber: nil,
                                                 issueDate: F.date("2026-11-23"), today: F.date("2026-11-24")).get()
        #expect(outcome.order.status == .fulfilled)
        #expect(outcome.card.number == F.reserved)
        #expect(outcome.card.expiryDate == F.date("2028-11-23"))
        #expect(outcome.household.record.beneficiary("eva")?.activeCard(on: F.date("2026-11-24")) == outcome.card)
        #expect(outcome.household.openOrder(for: "eva") == nil)
        // Fulfilling twice is refused.
        let again = CardTeleservice.fulfil(orderID: ordered.order.id, in: outcome.household, cardNumber: nil, issueDate: nil, today: F.date("2026-11-24"))
        #expect(again.refusal?.rule == .R_FULFIL)
        #expect(CardTeleservice.fulfil(orderID: "nope", in: outcome.household, cardNumber: nil, issueDate: nil, today: F.date("2026-11-24")).refusal?.kind == .notFound)
    }

    @Test func R_FULFIL_renewalReplacesTheOldCard() throws {
        let old = F.card(issued: "2025-01-10")
        let renewing = try F.request(F.household(card: old), on: "2026-12-01").get()
        let given = try CardNumber(institutionDigits: "01751", serial: 4242)
        let outcome = try CardTeleservice.fulfil(orderID: renewing.order.id, in: renewing.household, cardNumber: given,
                                                 issueDate: nil, today: F.date("2026-12-08")).get()
        let beneficiary = try #require(outcome.household.record.beneficiary("eva"))
        #expect(beneficiary.activeCard(on: F.date("2026-12-08"))?.number == given)
        #expect(beneficiary.cards.first { $0.number == old.number }?.status == .replaced(on: F.date("2026-12-08")))
        // The issue date can be neither in the future nor before the order.
        for bad in ["2026-12-09", "2026-11-30"] {
            #expect(CardTeleservice.fulfil(orderID: renewing.order.id, in: renewing.household, cardNumber: nil,
                                           issueDate: F.date(bad), today: F.date("2026-12-08")).refusal?.kind == .invalidInput)
        }
    }

    @Test func R_ACTIONS_listsEveryActionWithItsBlocker() {
        let household = F.household([
            F.beneficiary(cards: [F.card(issued: "2025-01-10")]),                          // expiring soon
            F.beneficiary("leo", nir: nil, born: "2015-05-05", cards: [F.card(issued: "2026-06-01", serial: 2)]),  // fresh card
            F.beneficiary("mia", nir: nil, born: "2018-02-02"),                             // no card
        ].enumerated().map { index, b in
            index == 2 ? (try! Beneficiary(id: "mia", nir: nil, rank: 2, lastName: b.lastName, givenNames: b.givenNames, birthDate: b.birthDate)) : b
        })
        let eva = F.availability(household, on: "2026-12-01")
        #expect(eva.mapValues(\.available) == [.order: false, .renew: true, .declareLoss: true, .view: true])
        #expect(eva[.order]?.blockedBy == .R_ORDER)
        let leo = F.availability(household, on: "2026-12-01", for: "leo")
        #expect(leo.mapValues(\.available) == [.order: false, .renew: false, .declareLoss: true, .view: true])
        #expect(leo[.renew]?.blockedBy == .R_RENEW_WINDOW && leo[.renew]?.availableFrom == F.date("2028-04-01"))
        let mia = F.availability(household, on: "2026-12-01", for: "mia")
        #expect(mia.mapValues(\.available) == [.order: true, .renew: false, .declareLoss: false, .view: false])
        #expect(mia[.declareLoss]?.blockedBy == .R_LOSS && mia[.view]?.blockedBy == .R_VIEW)
        // Every unavailable action names its rule and says why; every available one carries neither.
        for action in CardTeleservice.actions(for: "mia", in: household, today: F.date("2026-12-01")) {
            #expect((action.blockedBy == nil) == action.available)
            #expect((action.detail == nil) == action.available)
        }
    }

    @Test func R_ACTIONS_agreeWithTheProcedures() {
        // Whatever the situation, an action listed as available is accepted and one listed as blocked is refused
        // by the same rule.
        let situations: [Household] = [
            F.household(card: nil), F.household(card: F.card(issued: "2025-01-10")),
            F.household(card: F.card(issued: "2026-06-01")), F.household(card: nil, address: .npai),
            F.household(card: F.card(issued: "2025-01-10"), rights: .insufficient),
            F.household(card: nil, orders: [F.openOrder(on: "2026-11-20")]),
        ]
        for household in situations {
            let actions = F.availability(household, on: "2026-12-01")
            let request = F.request(household, on: "2026-12-01")
            let hasActive = household.record.beneficiary("eva")?.activeCard(on: F.date("2026-12-01")) != nil
            let listed = actions[hasActive ? .renew : .order]!
            #expect(listed.available == (request.outcome != nil))
            #expect(listed.blockedBy == request.refusal?.rule)
            let declared = F.declare(household, on: "2026-12-01")
            #expect(actions[.declareLoss]!.available == (declared.outcome != nil))
            #expect(actions[.declareLoss]!.blockedBy == declared.refusal?.rule)
        }
    }
}
