// What every accepted procedure leaves behind: R_ACK, R_HISTORY, R_RATING.
import Foundation
import Testing
import Records
import TeleserviceRules

struct ReceiptRulesTests {
    typealias F = Fixtures

    static let holderForm = ProxyForm(civility: "M.", lastName: "DUPONT", firstName: "Martin", birthDate: "1980-04-02")

    @Test func R_ACK_everyAcceptedProcedureIsAcknowledgedAndNoticed() throws {
        let household = F.household(card: F.card(issued: "2025-01-10"))
        let submission = F.submission("2026-12-01", reference: "req-42")
        let renewal = try F.request(household, on: "2026-12-01", departure: true).get()
        let loss = try F.declare(household, on: "2026-12-01").get()
        let proxy = try ProxyTeleservice.create(Self.holderForm, certified: true, in: household, submission: submission).get()
        let revocation = try ProxyTeleservice.revoke(in: proxy.household, submission: F.submission("2026-12-02", reference: "req-43")).get()
        let acknowledgements = [renewal.acknowledgement, loss.acknowledgement, proxy.acknowledgement, try #require(revocation.acknowledgement)]
        let notices = [renewal.notice, loss.notice, proxy.notice, try #require(revocation.notice)]
        #expect(acknowledgements.map(\.procedure) == [.renewal, .lossDeclaration, .proxy, .proxyRevocation])
        for ack in acknowledgements {
            #expect(ack.institution == F.institution)           // the service handling it, with address and phone
            #expect(ack.insuredName == "Eva DUPONT")
            #expect(!ack.nextSteps.isEmpty)
            #expect(ack.subject.hasPrefix("Accusé de réception"))
        }
        #expect(proxy.acknowledgement.reference == "req-42" && proxy.acknowledgement.receivedAt == submission.receivedAt)
        #expect(notices.allSatisfy { $0.to == "eva.dupont@example.org" && $0.subject.contains("document") })
        // One notice per acknowledgement, identified by its procedure's reference (the e-mail's Message-ID).
        #expect(notices.map(\.reference) == acknowledgements.map(\.reference))
        #expect(notices.allSatisfy { !$0.body.contains("DUPONT") && !$0.body.contains(household.record.nir.value) })
        // The renewal's acknowledgement says the card comes by post in 10 days and names the certificate.
        #expect(renewal.acknowledgement.nextSteps[0].contains("10 jours"))
        #expect(renewal.acknowledgement.nextSteps[1].contains("une seule fois"))
        #expect(loss.acknowledgement.nextSteps[0].contains("annulée"))
    }

    /// R_ACK: acknowledgements stored before the names were kept field by field still read back, their names taken
    /// from the "concerning" text; new ones round-trip as they are.
    @Test(arguments: [("Eva DUPONT", "DUPONT", "Eva"), ("Mme DURAND Claire", "DURAND", "Claire"),
                      ("Jean-Pierre Marie LE GALL", "LE GALL", "Jean-Pierre Marie")])
    func R_ACK_storedAcknowledgementsWithoutNamesStillDecode(concerning: String, lastName: String, givenNames: String) throws {
        let household = F.household(card: F.card(issued: "2025-01-10"))
        let loss = try F.declare(household, on: "2026-12-01").get()
        var object = try #require(try JSONSerialization.jsonObject(with: JSONEncoder().encode(loss.acknowledgement)) as? [String: Any])
        object.removeValue(forKey: "concernedPerson")
        object["concerning"] = concerning
        let old = try JSONDecoder().decode(Acknowledgement.self, from: JSONSerialization.data(withJSONObject: object))
        #expect(old.concernedPerson.lastName.value == lastName && old.concernedPerson.givenNames.value == givenNames)
        #expect(try JSONDecoder().decode(Acknowledgement.self, from: JSONEncoder().encode(loss.acknowledgement)) == loss.acknowledgement)
    }

    @Test func R_ACK_refusalsAndEmptyRevocationsLeaveNothing() throws {
        let nothing = try ProxyTeleservice.revoke(in: F.household(), submission: F.submission("2026-12-01")).get()
        #expect(nothing.acknowledgement == nil && nothing.notice == nil && nothing.history == nil)
        #expect(nothing.household == F.household())
    }

    @Test func R_HISTORY_everyProcedureHasAnEntryWithItsStatus() throws {
        let household = F.household(card: F.card(issued: "2025-01-10"))
        let renewal = try F.request(household, on: "2026-12-01").get()
        #expect(renewal.history.kind == .renewal && renewal.history.status == .inProgress)
        #expect(renewal.history.beneficiaryID == "eva" && renewal.history.id == renewal.order.id)
        let loss = try F.declare(household, on: "2026-12-01").get()
        #expect(loss.history.kind == .lossDeclaration && loss.history.status == .completed)
        let proxy = try ProxyTeleservice.create(Self.holderForm, certified: true, in: household, submission: F.submission("2026-12-01")).get()
        #expect(proxy.history.kind == .proxy && proxy.history.beneficiaryID == nil && proxy.history.status == .completed)
        let first = try F.request(F.household(card: nil), on: "2026-12-01").get()
        #expect(first.history.kind == .order)
    }

    @Test(arguments: [(0, false), (1, true), (3, true), (5, true), (6, false), (-1, false)])
    func R_RATING_scoreFromOneToFive(score: Int, accepted: Bool) {
        let entry = ProcedureEntry(id: "p", kind: .order, beneficiaryID: "eva", status: .inProgress, submittedAt: F.noon("2026-12-01"))
        let decision = Rating.rate(entry, score: score)
        #expect((decision.outcome?.rating == score) == accepted)
        if !accepted { #expect(decision.refusal?.rule == .R_RATING && decision.refusal?.kind == .invalidInput) }
    }

    @Test func R_RATING_onlyOnce() throws {
        let entry = ProcedureEntry(id: "p", kind: .order, beneficiaryID: "eva", status: .inProgress, submittedAt: F.noon("2026-12-01"))
        let rated = try Rating.rate(entry, score: 4).get()
        #expect(Rating.rate(rated, score: 5).refusal?.rule == .R_RATING)
        #expect(Rating.rate(rated, score: 5).refusal?.kind == .conflict)
    }
}
