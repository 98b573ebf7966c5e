// AmeliService+Admin: the routes of the back office — record import and card production's fulfilment (R_FULFIL).
import Foundation
import Hummingbird
import Records
import Storage
import TeleserviceRules

extension AmeliService {
    /// `PUT /v1/admin/insured/{nir}`: creates (201) or replaces (200) one insured with their household.
    func putInsured(_ request: Request, context: AppRequestContext) async throws -> Response {
        guard let text = context.parameters.get("nir") else { throw APIProblem.notFound }
        let nir: NIR
        do { nir = try NIR(text) } catch { throw APIProblem.invalid(error, under: "nir") }
        let body = try await RequestBody.read(request)
        let record = try RecordImport.record(from: body.bytes, today: today(clock()))
        guard record.nir == nir else {
            throw APIProblem.invalid(RecordError(field: "nir", detail: "Le NIR du dossier ne correspond pas à celui de l'adresse."))
        }
        let result = try await store.importRecord(record, at: clock())
        return try Self.json(record, status: result == .created ? .created : .ok)
    }

    /// `POST /v1/admin/card-orders/{id}/fulfilment` `{cardNumber?, issueDate?}`: the new card becomes the active
    /// one and the order is closed; answers the card.
    func fulfilOrder(_ request: Request, context: AppRequestContext) async throws -> Response {
        let caller = try context.requireCaller()
        let orderID = try context.identifier("id")
        let body = try await RequestBody.read(request)
        let input = try body.decode(FulfilmentInput.self)
        guard let owner = try await store.owner(ofOrder: orderID) else { throw APIProblem.notFound }
        let now = clock()
        let procedure = ProcedureRequest(nir: owner, idempotency: try idempotencyKey(request, body: body, caller: caller))
        let result = try await performSealed(procedure) { context in
            let household = context.household
            switch CardTeleservice.fulfil(orderID: orderID, in: household, cardNumber: input.cardNumber, issueDate: input.issueDate,
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
                let response = try Self.stored(CardView(outcome.card, today: CivilDate(now)), status: .ok)
                return ProcedureCommit(changes: changes, value: response, response: response)
            }
        }
        return Self.answer(result)
    }
}

struct FulfilmentInput: RequestDecodable {
    let cardNumber: CardNumber?
    let issueDate: CivilDate?
    static let shape = JSONShape.object(["cardNumber": .value, "issueDate": .value])
}
