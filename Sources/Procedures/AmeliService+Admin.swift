// AmeliService+Admin: the back office's procedures — record import, card production's fulfilment (R_FULFIL),
// the notices' outbox, a document's revocation, the service's metrics. Each checks the admin role itself.
import Foundation
package import Records
package import Storage
import TeleserviceRules

extension Caller {
    /// The caller of an admin procedure, checked by the procedure itself beside the contract's check of the
    /// operation: a door that reached it with a lesser caller (a page, a new route) is refused here.
    package func requireAdmin() throws {
        guard isAdmin else { throw APIProblem.adminOnly }
    }
}

extension AmeliService {

    /// Creates or replaces one insured with their household, from a body of the contract's shape: the records'
    /// own decoding checks what a schema cannot (NIR keys, dates, card histories) and names each field in French.
    package func putInsured(_ caller: Caller, nir text: String, body: [UInt8]) async throws -> (record: InsuredRecord, result: ImportResult) {
        try caller.requireAdmin()
        let nir: NIR
        do { nir = try NIR(text) } catch { throw APIProblem.invalid(error, under: "nir") }
        let record = try RecordImport.record(from: body, today: today(clock()), shapeChecked: true)
        guard record.nir == nir else {
            throw APIProblem.invalid(RecordError(field: "nir", detail: "Le NIR du dossier ne correspond pas à celui de l'adresse."))
        }
        return (record, try await store.importRecord(record, at: clock()))
    }

    /// Card production's answer for an order (R_FULFIL): the new card becomes the active one and the order is
    /// closed. The idempotency key is the admin's (its principal is the admin caller), on the order's household.
    package func fulfilOrder(_ call: ProcedureCall, order text: String, cardNumber: String?, issueDate: String?) async throws
        -> (FulfilmentReceipt, replayed: Bool) {
        try call.caller.requireAdmin()
        let orderID = try Self.pathIdentifier(text)
        var number: CardNumber?
        if let cardNumber {
            do { number = try CardNumber(cardNumber) } catch { throw APIProblem.invalid(error, under: "cardNumber") }
        }
        var issued: CivilDate?
        if let issueDate {
            do { issued = try CivilDate(iso: issueDate) } catch { throw APIProblem.invalid(error, under: "issueDate") }
        }
        guard let owner = try await store.owner(ofOrder: orderID) else { throw APIProblem.notFound }
        let now = clock()
        let (fulfilledNumber, fulfilledOn) = (number, issued)
        let procedure = ProcedureRequest(nir: owner, idempotency: call.idempotency)
        let result = try await performSealed(procedure, at: now) { context in
            let household = context.household
            switch CardTeleservice.fulfil(orderID: orderID, in: household, cardNumber: fulfilledNumber, issueDate: fulfilledOn,
                                          today: CivilDate(now)) {
            case .refused(let refusal):
                throw refusal
            case .accepted(let outcome):
                var changes = HouseholdChanges(from: household, to: outcome.household)
                // R_HISTORY: the order's line in "Mes démarches" (same id as the order) is now completed.
                if var entry = context.history.first(where: { $0.id == outcome.order.id }) {
                    entry.status = .completed
                    changes.procedures = [entry]
                }
                let response = try Self.stored(FulfilmentReceipt(card: outcome.card, day: CivilDate(now)), status: 200)
                return ProcedureCommit(changes: changes, value: response, response: response)
            }
        }
        return try Self.answer(result, as: FulfilmentReceipt.self)
    }

    /// The outbox's notices newest first, with their delivery state (a failed one shows the relay's last answer).
    package func notices(_ caller: Caller, status: NoticeStatus?, limit: Int) async throws -> [OutboxNotice] {
        try caller.requireAdmin()
        guard (1...1000).contains(limit) else { throw Self.badNoticeQuery }
        return try await store.outbox(status: status, limit: limit)
    }

    package static let badNoticeQuery = APIProblem(
        .invalidField, detail: "Le filtre doit être « status » parmi pending, sent ou failed, et « limit » un entier de 1 à 1000.",
        errors: [.init(field: "status", code: APIProblem.Code.invalidField.rawValue, detail: "pending, sent ou failed."),
                 .init(field: "limit", code: APIProblem.Code.invalidField.rawValue, detail: "De 1 à 1000.")])

    /// Revokes a registered document (SEAL.md): its verification answers "revoked" with the reason from now on.
    package func revokeDocument(_ caller: Caller, id: String, reason text: String) async throws {
        try caller.requireAdmin()
        guard (1...80).contains(id.count) else { throw APIProblem.notFound }
        let reason = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard (1...500).contains(reason.count) else {
            throw APIProblem(.invalidField, detail: "Le motif de la révocation est obligatoire (500 caractères au plus).",
                             errors: [.init(field: "reason", code: APIProblem.Code.invalidField.rawValue, detail: "De 1 à 500 caractères.")])
        }
        guard try await store.revokeDocument(id: id, reason: reason, at: clock()) else { throw APIProblem.notFound }
    }

    /// The service's counts in Prometheus' text format: they describe its traffic, so only admins read them.
    package func metricsExposition(_ caller: Caller) throws -> [UInt8] {
        try caller.requireAdmin()
        return metrics.exposition()
    }
}
