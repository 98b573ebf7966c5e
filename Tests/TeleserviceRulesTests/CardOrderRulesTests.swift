// Order and early renewal: R_ORDER, R_RENEW_WINDOW, R_ONE_OPEN_ORDER, R_NPAI, R_RIGHTS, R_DEPARTURE, R_CERTIFICATE.
import Testing
import Records
import TeleserviceRules

struct CardOrderRulesTests {
    typealias F = Fixtures

    @Test func R_ORDER_allowedWithoutCardExpiredOrCancelled() throws {
        // Never had one.
        #expect(try F.request(F.household(card: nil), on: "2026-11-24").get().order.kind == .order)
        // Expired: the day after its expiry date.
        let expired = F.card(issued: "2024-11-23")  // expires 2026-11-23
        #expect(try F.request(F.household(card: expired), on: "2026-11-24").get().order.kind == .order)
        // Cancelled after a loss.
        let cancelled = F.card(issued: "2025-06-01", status: .cancelled(on: F.date("2026-10-01"), kind: .loss))
        #expect(try F.request(F.household(card: cancelled), on: "2026-11-24").get().order.kind == .order)
    }

    @Test func R_ORDER_refusedWithAnActiveCard() {
        let household = F.household(card: F.card(issued: "2026-01-10"))  // expires 2028-01-10
        let actions = F.availability(household, on: "2026-11-24")
        #expect(actions[.order]?.available == false && actions[.order]?.blockedBy == .R_ORDER)
        #expect(actions[.order]?.detail?.contains("10/11/2027") == true)
        #expect(actions[.renew]?.availableFrom == F.date("2027-11-10"))
        #expect(F.request(household, on: "2026-11-24").refusal?.rule == .R_RENEW_WINDOW)
    }

    /// Expiry 2027-01-10: the window opens on 2026-11-10 and closes on 2027-01-10, both inclusive.
    @Test(arguments: [
        ("2026-11-09", false), ("2026-11-10", true), ("2026-11-11", true),
        ("2027-01-09", true), ("2027-01-10", true),
    ])
    func R_RENEW_WINDOW_opensTwoMonthsBeforeExpiry(today: String, allowed: Bool) {
        let household = F.household(card: F.card(issued: "2025-01-10"))
        let decision = F.request(household, on: today)
        if allowed {
            #expect(decision.outcome?.order.kind == .renewal)
        } else {
            #expect(decision.refusal?.rule == .R_RENEW_WINDOW)
            #expect(decision.refusal?.availableFrom == F.date("2026-11-10"))
            #expect(decision.refusal?.message.contains("10/11/2026") == true)
        }
    }

    @Test func R_RENEW_WINDOW_afterExpiryTheRequestIsAnOrder() {
        let household = F.household(card: F.card(issued: "2025-01-10"))
        #expect(F.request(household, on: "2027-01-11").outcome?.order.kind == .order)
        #expect(F.availability(household, on: "2027-01-11")[.renew]?.blockedBy == .R_RENEW_WINDOW)
    }

    @Test func R_RENEW_WINDOW_windowEndsAtMonthEnd() {
        // Expiry 2027-04-30 → opens 2027-02-28 (clamped), not 2027-03-02.
        let household = F.household(card: F.card(issued: "2025-04-30"))
        #expect(F.request(household, on: "2027-02-27").refusal?.availableFrom == F.date("2027-02-28"))
        #expect(F.request(household, on: "2027-02-28").outcome?.order.kind == .renewal)
    }

    @Test func R_ONE_OPEN_ORDER_secondRequestRefusedUntilFulfilled() throws {
        let first = try F.request(F.household(card: nil), on: "2026-11-20").get()
        let second = F.request(first.household, on: "2026-11-24")
        #expect(second.refusal?.rule == .R_ONE_OPEN_ORDER)
        #expect(second.refusal?.kind == .conflict)
        // Once fulfilled, the open order no longer blocks: the new active card does (R_ORDER for ordering, the
        // renewal window for a request, which with an active card is a renewal).
        let fulfilled = try CardTeleservice.fulfil(orderID: first.order.id, in: first.household, cardNumber: nil,
                                                   issueDate: nil, today: F.date("2026-11-24")).get()
        #expect(F.availability(fulfilled.household, on: "2026-11-25")[.order]?.blockedBy == .R_ORDER)
        #expect(F.request(fulfilled.household, on: "2026-11-25").refusal?.rule == .R_RENEW_WINDOW)
    }

    @Test func R_ONE_OPEN_ORDER_otherBeneficiariesAreFree() throws {
        let household = F.household([F.beneficiary(), F.beneficiary("leo", nir: nil, born: "2015-05-05")],
                                    orders: [F.openOrder(on: "2026-11-20")])
        #expect(F.request(household, on: "2026-11-24").refusal?.rule == .R_ONE_OPEN_ORDER)
        #expect(F.request(household, on: "2026-11-24", for: "leo").outcome != nil)
    }

    @Test func R_NPAI_blocksOrderAndRenewalButNotDeclarationOrView() {
        let renewable = F.household(card: F.card(issued: "2025-01-10"), address: .npai)
        let actions = F.availability(renewable, on: "2026-12-01")
        #expect(actions[.renew]?.blockedBy == .R_NPAI)
        #expect(actions[.order]?.blockedBy == .R_NPAI)
        #expect(actions[.declareLoss]?.available == true)
        #expect(actions[.view]?.available == true)
        #expect(F.request(renewable, on: "2026-12-01").refusal?.rule == .R_NPAI)
        #expect(F.request(F.household(card: nil, address: .npai), on: "2026-12-01").refusal?.rule == .R_NPAI)
        #expect(F.declare(renewable, on: "2026-12-01").outcome != nil)
    }

    @Test func R_RIGHTS_blocksEveryCEAMProcedure() {
        let household = F.household(card: F.card(issued: "2025-01-10"), rights: .insufficient)
        let actions = F.availability(household, on: "2026-12-01")
        #expect(CardAction.allCases.allSatisfy { actions[$0]?.blockedBy == .R_RIGHTS })
        #expect(F.request(household, on: "2026-12-01").refusal?.rule == .R_RIGHTS)
        #expect(F.declare(household, on: "2026-12-01").refusal?.rule == .R_RIGHTS)
        #expect(CardTeleservice.cardFace(for: "eva", in: household, today: F.date("2026-12-01")).refusal?.rule == .R_RIGHTS)
    }

    @Test func R_DEPARTURE_answerIsRequired() {
        let refusal = F.request(F.household(card: nil), on: "2026-11-24", departure: nil).refusal
        #expect(refusal?.rule == .R_DEPARTURE)
        #expect(refusal?.kind == .invalidInput)
        #expect(refusal?.fieldErrors.map(\.field) == ["departureWithin15Days"])
        #expect(F.request(F.household(card: nil), on: "2026-11-24", departure: false).outcome?.order.departureWithin15Days == false)
    }

    @Test func R_CERTIFICATE_onlyWithDepartureWithin15Days() throws {
        #expect(try F.request(F.household(card: nil), on: "2026-11-24", departure: false).get().certificate == nil)
        let outcome = try F.request(F.household(card: nil), on: "2026-11-24", departure: true).get()
        let certificate = try #require(outcome.certificate)
        #expect(certificate.validFrom == F.date("2026-11-24"))
        #expect(certificate.validUntil == F.date("2027-02-24"))
        #expect(certificate.issuedOn == F.date("2026-11-24"))
    }

    @Test(arguments: [("2026-11-30", "2027-02-28"), ("2027-11-30", "2028-02-29"), ("2026-12-31", "2027-03-31")])
    func R_CERTIFICATE_threeMonthsClampedToMonthEnd(issued: String, until: String) throws {
        let certificate = try #require(try F.request(F.household(card: nil), on: issued, departure: true).get().certificate)
        #expect(certificate.validUntil == F.date(until))
    }

    @Test func R_CERTIFICATE_carriesTheCardBeingReplacedOrProduced() throws {
        // Renewal: fields 8 and 9 of the card being replaced.
        let renewing = try F.request(F.household(card: F.card(issued: "2025-01-10")), on: "2026-12-01", departure: true).get()
        #expect(renewing.certificate?.cardNumber == F.card(issued: "2025-01-10").number)
        #expect(renewing.certificate?.cardExpiryDate == F.date("2027-01-10"))
        // First card: the reserved number of the card being produced, valid two years from today.
        let first = try F.request(F.household(card: nil), on: "2026-12-01", departure: true).get()
        #expect(first.certificate?.cardNumber == F.reserved)
        #expect(first.certificate?.cardExpiryDate == F.date("2028-12-01"))
        // A child without a NIR of their own carries the insured's NIR in field 6.
        let child = F.household([F.beneficiary(), F.beneficiary("leo", nir: nil, born: "2015-05-05")])
        #expect(try F.request(child, on: "2026-12-01", for: "leo", departure: true).get().certificate?.personalNumber == F.insuredNIR)
    }

    @Test func R_ONE_AT_A_TIME_aRequestConcernsOneBeneficiaryOfTheHousehold() throws {
        let household = F.household([F.beneficiary(), F.beneficiary("leo", nir: nil, born: "2015-05-05")])
        let outcome = try F.request(household, on: "2026-11-24", for: "leo").get()
        // Exactly one order, for exactly that beneficiary; the other beneficiary is untouched.
        #expect(outcome.household.orders.map(\.beneficiaryID) == ["leo"])
        #expect(outcome.household.record.beneficiary("eva") == household.record.beneficiary("eva"))
        // A beneficiary of another household (or none) is not found, exactly like an absent one.
        let stranger = F.request(household, on: "2026-11-24", for: "someone-else")
        #expect(stranger.refusal?.kind == .notFound)
        #expect(CardTeleservice.actions(for: "someone-else", in: household, today: F.date("2026-11-24")).isEmpty)
    }
}
