// AmeliService+Beneficiaries: card orders, early renewals and loss declarations (CEAM), and the card's views.
package import DocumentPipeline
import Foundation
package import Records
import Storage
import TeleserviceRules

extension AmeliService {
    /// An order or an early renewal (the card's state decides which), with a provisional certificate when departure
    /// is within 15 days (R_DEPARTURE, R_CERTIFICATE). The answer may be absent (nil): R_DEPARTURE then refuses it
    /// after the rules that block the beneficiary, as the form does; `ContractMiddleware` calls this for a body
    /// without it.
    package func orderCard(_ call: ProcedureCall, beneficiary: String, departureWithin15Days: Bool?) async throws
        -> (CardOrderReceipt, replayed: Bool) {
        let beneficiaryID = try Self.pathIdentifier(beneficiary)
        let submission = Submission(reference: ids.next("proc"), receivedAt: clock())
        let certificateID = ids.next("cert")
        let procedure = ProcedureRequest(nir: call.caller.nir, idempotency: call.idempotency, allocatesCardSerial: true)
        let result = try await performSealed(procedure, at: submission.receivedAt) { context in
            let household = context.household
            let reserved = try CardSerial.cardNumber(institution: household.record.institution, serial: context.cardSerial!)
            switch CardTeleservice.requestCard(for: beneficiaryID, departureWithin15Days: departureWithin15Days, in: household,
                                               submission: submission, reservedCardNumber: reserved, certificateID: certificateID) {
            case .refused(let refusal):
                throw refusal
            case .accepted(let outcome):
                var changes = HouseholdChanges(from: household, to: outcome.household)
                if let certificate = outcome.certificate {
                    changes.certificates = [IssuedCertificate(certificate: certificate, orderID: outcome.order.id, beneficiaryID: beneficiaryID)]
                }
                changes.acknowledge(outcome.acknowledgement, notice: outcome.notice, history: outcome.history)
                let receipt = CardOrderReceipt(order: outcome.order, certificate: outcome.certificate,
                                               acknowledgement: outcome.acknowledgement.reference)
                let response = try Self.stored(receipt, status: 201)
                return ProcedureCommit(changes: changes, value: response, response: response)
            }
        }
        return try Self.answer(result, as: CardOrderReceipt.self)
    }

    /// A loss or theft declaration (R_LOSS, R_LOSS_DATE, R_LOSS_LIMIT, R_SWORN): the card is cancelled at once.
    package func declareLoss(_ call: ProcedureCall, beneficiary: String, kind: LossKind, date text: String, sworn: Bool) async throws
        -> (LossReceipt, replayed: Bool) {
        let beneficiaryID = try Self.pathIdentifier(beneficiary)
        let date: CivilDate
        do { date = try CivilDate(iso: text) } catch { throw APIProblem.invalid(error, under: "date") }
        let submission = Submission(reference: ids.next("proc"), receivedAt: clock())
        let procedure = ProcedureRequest(nir: call.caller.nir, idempotency: call.idempotency)
        let result = try await performSealed(procedure, at: submission.receivedAt) { context in
            let household = context.household
            switch CardTeleservice.declareLoss(for: beneficiaryID, kind: kind, date: date, sworn: sworn,
                                               in: household, submission: submission) {
            case .refused(let refusal):
                throw refusal
            case .accepted(let outcome):
                var changes = HouseholdChanges(from: household, to: outcome.household)
                changes.acknowledge(outcome.acknowledgement, notice: outcome.notice, history: outcome.history)
                let receipt = LossReceipt(declaration: outcome.declaration, card: outcome.card, day: submission.today,
                                          acknowledgement: outcome.acknowledgement.reference)
                let response = try Self.stored(receipt, status: 201)
                return ProcedureCommit(changes: changes, value: response, response: response)
            }
        }
        return try Self.answer(result, as: LossReceipt.self)
    }

    package static let badDPI = APIProblem(.invalidField, detail: "La résolution doit être un nombre entier de 72 à 600 points par pouce.",
                                   errors: [.init(field: "dpi", code: APIProblem.Code.invalidField.rawValue, detail: "De 72 à 600.")])

    /// A beneficiary's active card (R_VIEW): the bare face as PNG, or the sealed print copy as PDF.
    package func card(_ caller: Caller, beneficiary id: String, format: OutputFormat, dpi: Double, ifNoneMatch: String?) async throws -> DocumentAnswer {
        let beneficiaryID = try Self.pathIdentifier(id)
        guard let household = try await store.household(of: caller.nir) else { throw APIProblem.notFound }
        switch CardTeleservice.cardFace(for: beneficiaryID, in: household, today: today(clock())) {
        case .refused(let refusal):
            throw refusal
        case .accepted(let face):
            // SEAL.md: the card image for screens stays the bare S2 face; the print copy carries a seal beside it.
            var seal: DocumentSeal?
            if format == .pdf {
                let record = DocumentRecord.card(face)
                seal = try await self.seal(of: record, id: try Self.cardCopyID(record), nir: caller.nir,
                                           subject: RegisteredDocument.subject(card: face.cardNumber))
            }
            return try await document(.card(face), seal: seal, format: format, dpi: dpi,
                                      filename: "ceam-\(beneficiaryID.value).\(format.rawValue)",
                                      served: (caller.nir, .card, beneficiaryID), ifNoneMatch: ifNoneMatch,
                                      registered: seal?.documentID)
        }
    }

    /// A path id; one that cannot be an id cannot exist either, so it answers 404 like an absent one.
    package static func pathIdentifier(_ text: String) throws -> Identifier {
        guard let id = try? Identifier(text) else { throw APIProblem.notFound }
        return id
    }
}
