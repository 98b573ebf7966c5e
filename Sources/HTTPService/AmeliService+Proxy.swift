// AmeliService+Proxy: the online proxy — create, show, revoke, and its confirmation (P_* rules, D_PROXY).
import APIContract
import DocumentPipeline
import Foundation
import OpenAPIRuntime
import Records
import Storage
import TeleserviceRules

extension AmeliService {
    /// `POST /v1/proxy`: the form's fields go to the rules as typed (P_FIELDS, P_ADULT, P_CERTIFY, P_ONE_ACTIVE). A
    /// body the contract's type refuses never gets here: `ContractMiddleware` answers it with the form's refusal.
    func createProxy(_ input: Operations.CreateProxy.Input) async throws -> Operations.CreateProxy.Output {
        guard case .json(let body) = input.body else { throw APIProblem.unsupportedBody }
        let form = ProxyForm(civility: body.civility.rawValue, lastName: body.lastName, usageName: body.usageName,
                             firstName: body.firstName, birthDate: body.birthDate)
        let (answer, replayed) = try await createProxy(try .ofRequest(idempotencyKey: input.headers.idempotencyKey), form: form,
                                                       certified: body.certified)
        return .created(.init(headers: .init(idempotentReplayed: replayed.map { _ in ._true }), body: .json(answer)))
    }

    /// A new proxy from the form as typed (P_FIELDS, P_ADULT, P_CERTIFY, P_ONE_ACTIVE), with its confirmation.
    func createProxy(_ call: ProcedureCall, form: ProxyForm, certified: Bool) async throws
        -> (Components.Schemas.ProxyAnswer, replayed: String?) {
        let submission = Submission(reference: ids.next("proc"), receivedAt: clock())
        let procedure = ProcedureRequest(nir: call.caller.nir, idempotency: call.idempotency)
        let result = try await performSealed(procedure, at: submission.receivedAt) { context in
            let household = context.household
            switch ProxyTeleservice.create(form, certified: certified, in: household, submission: submission) {
            case .refused(let refusal):
                throw refusal
            case .accepted(let outcome):
                var changes = HouseholdChanges(from: household, to: outcome.household)
                changes.proxies.removeAll { $0.proxy.id == outcome.proxy.id }
                changes.proxies.append(ProxyChange(proxy: outcome.proxy, confirmation: outcome.confirmation))
                changes.acknowledge(outcome.acknowledgement, notice: outcome.notice, history: outcome.history)
                let answer = Components.Schemas.ProxyAnswer(
                    proxy: .init(outcome.proxy), confirmationUrl: Components.Schemas.Proxy.confirmationURL(outcome.proxy.id),
                    acknowledgement: .init(messageId: outcome.acknowledgement.reference.value))
                let response = try Self.stored(answer, status: 201)
                return ProcedureCommit(changes: changes, value: response, response: response)
            }
        }
        return try Self.answer(result, as: Components.Schemas.ProxyAnswer.self)
    }

    /// `GET /v1/proxy`: the active proxy, or 404.
    func activeProxy(_ input: Operations.ActiveProxy.Input) async throws -> Operations.ActiveProxy.Output {
        let caller = try RequestScope.caller()
        guard let household = try await store.household(of: caller.nir),
              let proxy = household.activeProxy(on: today(clock())) else { throw APIProblem.notFound }
        return .ok(.init(body: .json(.init(proxy: .init(proxy), confirmationUrl: Components.Schemas.Proxy.confirmationURL(proxy.id)))))
    }

    /// `DELETE /v1/proxy`: 204, also when none is active (P_REVOKE: revoking twice is harmless).
    func revokeProxy(_ input: Operations.RevokeProxy.Input) async throws -> Operations.RevokeProxy.Output {
        try await revokeProxy(try .ofRequest())
        return .noContent(.init())
    }

    /// Revokes the active proxy (P_REVOKE): its confirmation is revoked in the register; nothing active, nothing done.
    func revokeProxy(_ call: ProcedureCall) async throws {
        let caller = call.caller
        let submission = Submission(reference: ids.next("proc"), receivedAt: clock())
        _ = try await performSealed(ProcedureRequest(nir: caller.nir), at: submission.receivedAt) { context in
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
    }

    /// `GET /v1/proxy/{id}/confirmation.pdf` (D_PROXY), for any proxy of the caller's, revoked or not.
    func proxyConfirmation(_ input: Operations.ProxyConfirmation.Input) async throws -> Operations.ProxyConfirmation.Output {
        switch try await proxyConfirmation(try RequestScope.caller(), id: input.path.id, ifNoneMatch: input.headers.ifNoneMatch) {
        case .ok(let bytes, let headers):
            return .ok(.init(headers: .init(eTag: headers.eTag, cacheControl: headers.cacheControl,
                                            contentDisposition: headers.contentDisposition), body: .pdf(HTTPBody(bytes))))
        case .notModified(let headers):
            return .notModified(.init(headers))
        }
    }

    /// A proxy's confirmation (D_PROXY), sealed, for its own household only.
    func proxyConfirmation(_ caller: Caller, id text: String, ifNoneMatch: String?) async throws -> DocumentAnswer {
        let id = try Self.pathIdentifier(text)
        guard let confirmation = try await store.proxyConfirmation(id, of: caller.nir) else { throw APIProblem.notFound }
        let record = DocumentRecord.proxyConfirmation(confirmation)
        let seal = try await self.seal(of: record, id: id.value, nir: caller.nir, subject: RegisteredDocument.subject(proxy: id))
        return try await document(record, seal: seal, format: .pdf, filename: "procuration-\(id.value).pdf",
                                  served: (caller.nir, .proxyConfirmation, id), ifNoneMatch: ifNoneMatch, registered: id.value)
    }
}

/// The proxy form as typed, each field optional, so that the rules name every missing or invalid field (P_FIELDS,
/// P_ADULT, P_CERTIFY). Only `ContractMiddleware` decodes it, for a body the contract's type refused.
struct ProxyInput: Decodable {
    let civility: String?
    let lastName: String?
    let usageName: String?
    let firstName: String?
    let birthDate: String?
    /// P_CERTIFY: the box ticked; absent is not ticked.
    let certified: Bool?

    var form: ProxyForm {
        ProxyForm(civility: civility, lastName: lastName, usageName: usageName, firstName: firstName, birthDate: birthDate)
    }
}
