// AmeliService+Admin: the routes of the back office — record import and card production's fulfilment (R_FULFIL).
import APIContract
import Foundation
import Records
import Storage
import TeleserviceRules

extension AmeliService {
    /// `PUT /v1/admin/insured/{nir}`: creates (201) or replaces (200) one insured with their household. The body has
    /// the contract's shape (checked by the generated type); the records' own decoding then checks what a schema
    /// cannot (NIR keys, dates, card histories) and names each field in French.
    func putInsured(_ input: Operations.PutInsured.Input) async throws -> Operations.PutInsured.Output {
        _ = try RequestScope.admin()
        let nir: NIR
        do { nir = try NIR(input.path.nir) } catch { throw APIProblem.invalid(error, under: "nir") }
        let record = try RecordImport.record(from: try RequestScope.require().body, today: today(clock()), shapeChecked: true)
        guard record.nir == nir else {
            throw APIProblem.invalid(RecordError(field: "nir", detail: "Le NIR du dossier ne correspond pas à celui de l'adresse."))
        }
        let result = try await store.importRecord(record, at: clock())
        let answer = try JSONDecoder().decode(Components.Schemas.InsuredRecord.self, from: Data(try Self.jsonBytes(record)))
        return result == .created ? .created(.init(body: .json(answer))) : .ok(.init(body: .json(answer)))
    }

    /// `POST /v1/admin/card-orders/{id}/fulfilment` `{cardNumber?, issueDate?}`: the new card becomes the active
    /// one and the order is closed; answers the card.
    func fulfilOrder(_ input: Operations.FulfilOrder.Input) async throws -> Operations.FulfilOrder.Output {
        _ = try RequestScope.admin()
        let orderID = try Self.pathIdentifier(input.path.id)
        guard case .json(let body) = input.body else { throw APIProblem.unsupportedBody }
        var cardNumber: CardNumber?
        if let text = body.cardNumber {
            do { cardNumber = try CardNumber(text) } catch { throw APIProblem.invalid(error, under: "cardNumber") }
        }
        var issueDate: CivilDate?
        if let text = body.issueDate {
            do { issueDate = try CivilDate(iso: text) } catch { throw APIProblem.invalid(error, under: "issueDate") }
        }
        guard let owner = try await store.owner(ofOrder: orderID) else { throw APIProblem.notFound }
        let now = clock()
        let (number, issued) = (cardNumber, issueDate)
        // The admin's key (its principal is the admin caller), on the household that owns the order.
        let call = try ProcedureCall.ofRequest(idempotencyKey: input.headers.idempotencyKey)
        let procedure = ProcedureRequest(nir: owner, idempotency: call.idempotency)
        let result = try await performSealed(procedure, at: now) { context in
            let household = context.household
            switch CardTeleservice.fulfil(orderID: orderID, in: household, cardNumber: number, issueDate: issued,
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
                let response = try Self.stored(Components.Schemas.Card(outcome.card, today: CivilDate(now)), status: 200)
                return ProcedureCommit(changes: changes, value: response, response: response)
            }
        }
        let (card, replayed) = try Self.answer(result, as: Components.Schemas.Card.self)
        return .ok(.init(headers: .init(idempotentReplayed: replayed.map { _ in ._true }), body: .json(card)))
    }
}
