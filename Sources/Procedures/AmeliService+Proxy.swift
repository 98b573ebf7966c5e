// AmeliService+Proxy: the online proxy — create, revoke, and its confirmation (P_* rules, D_PROXY).
import DocumentPipeline
import Foundation
import Records
import Storage
package import TeleserviceRules

extension AmeliService {
    /// A new proxy from the form as typed (P_FIELDS, P_ADULT, P_CERTIFY, P_ONE_ACTIVE), with its confirmation.
    package func createProxy(_ call: ProcedureCall, form: ProxyForm, certified: Bool) async throws
        -> (ProxyReceipt, replayed: Bool) {
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
                let receipt = ProxyReceipt(proxy: outcome.proxy, acknowledgement: outcome.acknowledgement.reference)
                let response = try Self.stored(receipt, status: 201)
                return ProcedureCommit(changes: changes, value: response, response: response)
            }
        }
        return try Self.answer(result, as: ProxyReceipt.self)
    }

    /// Judges the proxy form without creating anything: throws the rules' refusal (P_FIELDS naming every field at
    /// once, P_ADULT, P_CERTIFY, P_ONE_ACTIVE), or 404 first for a caller without a household, as `createProxy` would.
    package func checkProxyForm(_ caller: Caller, form: ProxyForm, certified: Bool) async throws {
        guard let household = try await household(of: caller) else { throw APIProblem.notFound }
        if let refusal = ProxyTeleservice.refusal(of: form, certified: certified, in: household, today: today(clock())) {
            throw refusal
        }
    }

    /// Revokes the active proxy (P_REVOKE): its confirmation is revoked in the register; nothing active, nothing done.
    package func revokeProxy(_ call: ProcedureCall) async throws {
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

    /// A proxy's confirmation (D_PROXY), sealed, for its own household only.
    package func proxyConfirmation(_ caller: Caller, id text: String, ifNoneMatch: String?) async throws -> DocumentAnswer {
        let id = try Self.pathIdentifier(text)
        guard let confirmation = try await store.proxyConfirmation(id, of: caller.nir) else { throw APIProblem.notFound }
        let record = DocumentRecord.proxyConfirmation(confirmation)
        let seal = try await self.seal(of: record, id: id.value, nir: caller.nir, subject: RegisteredDocument.subject(proxy: id))
        return try await document(record, seal: seal, format: .pdf, filename: "procuration-\(id.value).pdf",
                                  served: (caller.nir, .proxyConfirmation, id), ifNoneMatch: ifNoneMatch, registered: id.value)
    }
}
