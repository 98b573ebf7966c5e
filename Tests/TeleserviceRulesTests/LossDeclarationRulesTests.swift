// Loss or theft: R_LOSS, R_LOSS_LIMIT, R_CANCELLED_PENDING.
import Foundation
import Testing
import Records
import TeleserviceRules

struct LossDeclarationRulesTests {
    typealias F = Fixtures
    static let active = Fixtures.card(issued: "2025-06-01")

    @Test func R_LOSS_cancelsTheCardAtOnceAndOpensTheOrder() throws {
        let household = F.household(card: Self.active)
        let outcome = try F.declare(household, on: "2026-11-24", lostOn: "2026-11-20", kind: .theft).get()
        #expect(outcome.card.status == .cancelled(on: F.date("2026-11-20"), kind: .theft))
        #expect(outcome.card.state(on: F.date("2026-11-24")) == .cancelled)
        #expect(outcome.declaration == LossDeclaration(date: F.date("2026-11-20"), kind: .theft, declaredOn: F.date("2026-11-24")))
        // The beneficiary may then order directly, the same day.
        #expect(F.availability(outcome.household, on: "2026-11-24")[.order]?.available == true)
        #expect(F.request(outcome.household, on: "2026-11-24").outcome?.order.kind == .order)
        #expect(outcome.acknowledgement.nextSteps.contains { $0.contains("commander une nouvelle carte en ligne") })
    }

    /// The loss date: not in the future, not before the card's issue (2025-06-01); both ends inclusive.
    @Test(arguments: [
        ("2025-05-31", false), ("2025-06-01", true), ("2026-11-23", true), ("2026-11-24", true), ("2026-11-25", false),
    ])
    func R_LOSS_dateBetweenIssueAndToday(lostOn: String, allowed: Bool) {
        let decision = F.declare(F.household(card: Self.active), on: "2026-11-24", lostOn: lostOn)
        if allowed {
            #expect(decision.outcome != nil)
        } else {
            #expect(decision.refusal?.rule == .R_LOSS)
            #expect(decision.refusal?.kind == .invalidInput)
            #expect(decision.refusal?.fieldErrors.map(\.field) == ["date"])
        }
    }

    @Test func R_LOSS_swornStatementRequired() {
        let refusal = F.declare(F.household(card: Self.active), on: "2026-11-24", sworn: false).refusal
        #expect(refusal?.rule == .R_LOSS)
        #expect(refusal?.fieldErrors.map(\.field) == ["sworn"])
    }

    @Test func R_LOSS_needsAnActiveCard() {
        #expect(F.declare(F.household(card: nil), on: "2026-11-24").refusal?.rule == .R_LOSS)
        let expired = F.card(issued: "2024-11-01")  // expired 2026-11-01
        #expect(F.declare(F.household(card: expired), on: "2026-11-24", lostOn: "2026-10-01").refusal?.rule == .R_LOSS)
        #expect(F.availability(F.household(card: nil), on: "2026-11-24")[.declareLoss]?.blockedBy == .R_LOSS)
    }

    private static func losses(_ count: Int, declaredOn iso: String) -> [LossDeclaration] {
        (0..<count).map { _ in LossDeclaration(date: Fixtures.date(iso), kind: .loss, declaredOn: Fixtures.date(iso)) }
    }

    /// "More than 2" is literal: the third declaration of a year is accepted, the fourth refused.
    @Test(arguments: [(0, true), (1, true), (2, true), (3, false), (4, false)])
    func R_LOSS_LIMIT_thirdAcceptedFourthRefused(previous: Int, allowed: Bool) {
        let household = F.household(card: Self.active, losses: Self.losses(previous, declaredOn: "2026-03-01"))
        let decision = F.declare(household, on: "2026-11-24")
        #expect((decision.outcome != nil) == allowed)
        if !allowed {
            #expect(decision.refusal?.rule == .R_LOSS_LIMIT)
            #expect(decision.refusal?.message.contains("contactez votre caisse") == true)
        }
    }

    @Test func R_LOSS_LIMIT_afterTheThirdNoOnlineOrder() throws {
        let household = F.household(card: Self.active, losses: Self.losses(2, declaredOn: "2026-03-01"))
        let third = try F.declare(household, on: "2026-11-24").get()
        #expect(F.request(third.household, on: "2026-11-24").refusal?.rule == .R_LOSS_LIMIT)
        #expect(F.availability(third.household, on: "2026-11-24")[.order]?.blockedBy == .R_LOSS_LIMIT)
        // The acknowledgement does not promise an online order it would refuse.
        #expect(third.acknowledgement.nextSteps.contains { $0.contains("contactez votre caisse") })
        // Two declarations: ordering stays possible.
        let second = try F.declare(F.household(card: Self.active, losses: Self.losses(1, declaredOn: "2026-03-01")), on: "2026-11-24").get()
        #expect(F.request(second.household, on: "2026-11-24").outcome != nil)
    }

    @Test func R_LOSS_LIMIT_countsTheCalendarYearInParis() throws {
        // Three declarations in 2026 block 2026, not 2027.
        let cancelled = F.card(issued: "2025-06-01", status: .cancelled(on: F.date("2026-12-01"), kind: .loss))
        let household = F.household(card: cancelled, losses: Self.losses(3, declaredOn: "2026-12-01"))
        #expect(F.availability(household, on: "2026-12-31")[.order]?.blockedBy == .R_LOSS_LIMIT)
        #expect(F.availability(household, on: "2027-01-01")[.order]?.available == true)
        // 2026-12-31T23:30Z is already 2027 in Paris.
        let late = Submission(reference: "late", receivedAt: ISO8601DateFormatter().date(from: "2026-12-31T23:30:00Z")!)
        #expect(late.today.year == 2027)
        let decision = CardTeleservice.requestCard(for: "eva", departureWithin15Days: false, in: household, submission: late,
                                                   reservedCardNumber: F.reserved, certificateID: "c")
        #expect(decision.outcome != nil)
    }

    @Test func R_CANCELLED_PENDING_neitherOrderNorDeclareAgain() throws {
        let declared = try F.declare(F.household(card: Self.active), on: "2026-11-20").get()
        let ordered = try F.request(declared.household, on: "2026-11-21").get()
        #expect(F.request(ordered.household, on: "2026-11-24").refusal?.rule == .R_CANCELLED_PENDING)
        let actions = F.availability(ordered.household, on: "2026-11-24")
        #expect(actions[.order]?.blockedBy == .R_CANCELLED_PENDING)
        #expect(actions[.declareLoss]?.blockedBy == .R_CANCELLED_PENDING)
        #expect(F.declare(ordered.household, on: "2026-11-24").refusal?.rule == .R_CANCELLED_PENDING)
    }

    @Test func R_CANCELLED_PENDING_aRenewalInProgressDoesNotBlockDeclaring() throws {
        // An ordinary renewal in progress is R_ONE_OPEN_ORDER for ordering, but the current card can still be lost.
        let renewing = try F.request(F.household(card: F.card(issued: "2025-01-10")), on: "2026-12-01").get()
        #expect(F.availability(renewing.household, on: "2026-12-02")[.renew]?.blockedBy == .R_ONE_OPEN_ORDER)
        #expect(F.declare(renewing.household, on: "2026-12-02").outcome != nil)
    }
}
