// API+Proxy: the online proxy — create, show, revoke, its confirmation — as the contract's operations.
import HTTPEdge
import Procedures
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
        let (receipt, replayed) = try await createProxy(try .ofRequest(idempotencyKey: input.headers.idempotencyKey), form: form,
                                                       certified: body.certified)
        let answer = Components.Schemas.ProxyAnswer(
            proxy: .init(receipt.proxy), confirmationUrl: Components.Schemas.Proxy.confirmationURL(receipt.proxy.id),
            acknowledgement: .init(messageId: receipt.acknowledgement.value))
        return .created(.init(headers: .init(idempotentReplayed: replayed ? ._true : nil), body: .json(answer)))
    }

    /// `GET /v1/proxy`: the active proxy, or 404.
    func activeProxy(_ input: Operations.ActiveProxy.Input) async throws -> Operations.ActiveProxy.Output {
        let caller = try RequestScope.caller()
        guard let household = try await household(of: caller),
              let proxy = household.activeProxy(on: today(clock())) else { throw APIProblem.notFound }
        return .ok(.init(body: .json(.init(proxy: .init(proxy), confirmationUrl: Components.Schemas.Proxy.confirmationURL(proxy.id)))))
    }

    /// `DELETE /v1/proxy`: 204, also when none is active (P_REVOKE: revoking twice is harmless).
    func revokeProxy(_ input: Operations.RevokeProxy.Input) async throws -> Operations.RevokeProxy.Output {
        try await revokeProxy(try .ofRequest())
        return .noContent(.init())
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
}
