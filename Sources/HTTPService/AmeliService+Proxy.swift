// AmeliService+Proxy: the online proxy — create, show, revoke, and its confirmation (P_* rules, D_PROXY).
import DocumentPipeline
import Foundation
import Hummingbird
import Records
import Storage
import TeleserviceRules

extension AmeliService {
    /// `POST /v1/proxy`: the form's fields go to the rules as typed, so that P_FIELDS names each missing one.
    func createProxy(_ request: Request, context: AppRequestContext) async throws -> Response {
        let caller = try context.requireCaller()
        let body = try await RequestBody.read(request)
        let input = try body.decode(ProxyInput.self)
        let submission = Submission(reference: ids.next("proc"), receivedAt: clock())
        let procedure = ProcedureRequest(nir: caller.nir, idempotency: try idempotencyKey(request, body: body, caller: caller))
        let form = ProxyForm(civility: input.civility, lastName: input.lastName, usageName: input.usageName,
                             firstName: input.firstName, birthDate: input.birthDate)
        let result = try await performSealed(procedure) { context in
            let household = context.household
            switch ProxyTeleservice.create(form, certified: input.certified ?? false, in: household, submission: submission) {
            case .refused(let refusal):
                throw refusal
            case .accepted(let outcome):
                var changes = HouseholdChanges(from: household, to: outcome.household)
                changes.proxies.removeAll { $0.proxy.id == outcome.proxy.id }
                changes.proxies.append(ProxyChange(proxy: outcome.proxy, confirmation: outcome.confirmation))
                changes.acknowledge(outcome.acknowledgement, notice: outcome.notice, history: outcome.history)
                let answer = ProxyAnswer(proxy: ProxyView(outcome.proxy), confirmationUrl: ProxyView.confirmationURL(outcome.proxy.id),
                                         acknowledgement: AcknowledgementView(messageId: outcome.acknowledgement.reference.value))
                let response = try Self.stored(answer, status: .created)
                return ProcedureCommit(changes: changes, value: response, response: response)
            }
        }
        return Self.answer(result)
    }

    /// `GET /v1/proxy`: the active proxy, or 404.
    func activeProxy(_ request: Request, context: AppRequestContext) async throws -> Response {
        let caller = try context.requireCaller()
        guard let household = try await store.household(of: caller.nir),
              let proxy = household.activeProxy(on: today(clock())) else { throw APIProblem.notFound }
        return try Self.json(ActiveProxyAnswer(proxy: ProxyView(proxy), confirmationUrl: ProxyView.confirmationURL(proxy.id)))
    }

    /// `DELETE /v1/proxy`: 204, also when none is active (P_REVOKE: revoking twice is harmless).
    func revokeProxy(_ request: Request, context: AppRequestContext) async throws -> Response {
        let caller = try context.requireCaller()
        let submission = Submission(reference: ids.next("proc"), receivedAt: clock())
        _ = try await performSealed(ProcedureRequest(nir: caller.nir)) { context in
            let household = context.household
            switch ProxyTeleservice.revoke(in: household, submission: submission) {
            case .refused(let refusal):
                throw refusal
            case .accepted(let outcome):
                // The revoked proxy differs from the stored one, so the diff carries it; with nothing active,
                // nothing changed and nothing is acknowledged (P_REVOKE: revoking twice is harmless).
                var changes = HouseholdChanges(from: household, to: outcome.household)
                if let acknowledgement = outcome.acknowledgement, let notice = outcome.notice, let history = outcome.history {
                    changes.acknowledge(acknowledgement, notice: notice, history: history)
                }
                return ProcedureCommit(changes: changes, value: true)
            }
        }
        return Response(status: .noContent)
    }

    /// `GET /v1/proxy/{id}/confirmation.pdf` (D_PROXY), for any proxy of the caller's, revoked or not.
    func proxyConfirmation(_ request: Request, context: AppRequestContext) async throws -> Response {
        let caller = try context.requireCaller()
        let id = try context.identifier("id")
        guard let confirmation = try await store.proxyConfirmation(id, of: caller.nir) else { throw APIProblem.notFound }
        let record = DocumentRecord.proxyConfirmation(confirmation)
        let seal = try await self.seal(of: record, id: id.value, nir: caller.nir, subject: RegisteredDocument.subject(proxy: id))
        return try await document(record, seal: seal, format: .pdf, filename: "procuration-\(id.value).pdf",
                                  served: (caller.nir, .proxyConfirmation, id), request: request, registered: id.value)
    }
}

/// Strings as typed, each optional: the rules check them (P_FIELDS, P_ADULT) and name each field in error.
struct ProxyInput: RequestDecodable {
    let civility: String?
    let lastName: String?
    let usageName: String?
    let firstName: String?
    let birthDate: String?
    /// P_CERTIFY: the box ticked; absent is not ticked.
    let certified: Bool?
    static let shape = JSONShape.object(["civility": .value, "lastName": .value, "usageName": .value, "firstName": .value,
                                         "birthDate": .value, "certified": .value])
}

struct ProxyView: Encodable {
    let id: String
    let holder: ProxyHolder
    let createdAt: Date
    let validUntil: CivilDate

    init(_ proxy: Proxy) {
        id = proxy.id.value
        holder = proxy.holder
        createdAt = proxy.createdAt
        validUntil = proxy.validUntil
    }

    static func confirmationURL(_ id: Identifier) -> String { "/v1/proxy/\(id.value)/confirmation.pdf" }
}

struct ProxyAnswer: Encodable {
    let proxy: ProxyView
    let confirmationUrl: String
    let acknowledgement: AcknowledgementView
}

struct ActiveProxyAnswer: Encodable {
    let proxy: ProxyView
    let confirmationUrl: String
}
