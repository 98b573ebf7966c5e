// API+Beneficiaries: the household list with its actions, card orders and loss declarations, as the contract's operations.
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
    /// `GET /v1/beneficiaries`: each beneficiary with their card, open order and the actions of R_ACTIONS.
    func listBeneficiaries(_ input: Operations.ListBeneficiaries.Input) async throws -> Operations.ListBeneficiaries.Output {
        let caller = try RequestScope.caller()
        guard let household = try await household(of: caller) else { throw APIProblem.notFound }
        let today = today(clock())
        let beneficiaries = household.record.beneficiaries.map { beneficiary in
            Components.Schemas.Beneficiary(
                id: beneficiary.id.value, lastName: beneficiary.lastName.value, givenNames: beneficiary.givenNames.value,
                birthDate: beneficiary.birthDate.iso, card: beneficiary.latestCard.map { .init($0, today: today) },
                openOrder: household.openOrder(for: beneficiary.id).map(Components.Schemas.Order.init),
                actions: CardTeleservice.actions(for: beneficiary.id, in: household, today: today).map(Components.Schemas.Action.init))
        }
        return .ok(.init(body: .json(beneficiaries)))
    }

    /// `POST /v1/beneficiaries/{id}/card-orders`.
    func orderCard(_ input: Operations.OrderCard.Input) async throws -> Operations.OrderCard.Output {
        guard case .json(let body) = input.body else { throw APIProblem.unsupportedBody }
        let (receipt, replayed) = try await orderCard(try .ofRequest(idempotencyKey: input.headers.idempotencyKey),
                                                      beneficiary: input.path.id, departureWithin15Days: body.departureWithin15Days)
        let answer = Components.Schemas.CardOrderAnswer(
            order: .init(receipt.order), certificate: receipt.certificate.map(Components.Schemas.Certificate.init),
            acknowledgement: .init(messageId: receipt.acknowledgement.value))
        return .created(.init(headers: .init(idempotentReplayed: replayed ? ._true : nil), body: .json(answer)))
    }

    /// `POST /v1/beneficiaries/{id}/loss-declarations`: the card is cancelled at once (R_LOSS).
    func declareLoss(_ input: Operations.DeclareLoss.Input) async throws -> Operations.DeclareLoss.Output {
        guard case .json(let body) = input.body else { throw APIProblem.unsupportedBody }
        let (receipt, replayed) = try await declareLoss(try .ofRequest(idempotencyKey: input.headers.idempotencyKey),
                                                       beneficiary: input.path.id, kind: body.kind == .loss ? .loss : .theft,
                                                       date: body.date, sworn: body.sworn)
        let answer = Components.Schemas.LossDeclarationAnswer(
            declaration: .init(receipt.declaration), card: .init(receipt.card, today: receipt.day),
            acknowledgement: .init(messageId: receipt.acknowledgement.value))
        return .created(.init(headers: .init(idempotentReplayed: replayed ? ._true : nil), body: .json(answer)))
    }

    /// `GET /v1/beneficiaries/{id}/card.png?dpi=N`: the active card only (R_VIEW).
    func cardImage(_ input: Operations.CardImage.Input) async throws -> Operations.CardImage.Output {
        let dpi = input.query.dpi ?? 300
        guard (72...600).contains(dpi) else { throw Self.badDPI }
        switch try await card(try RequestScope.caller(), beneficiary: input.path.id, format: .png, dpi: Double(dpi),
                              ifNoneMatch: input.headers.ifNoneMatch) {
        case .ok(let bytes, let headers):
            return .ok(.init(headers: .init(eTag: headers.eTag, cacheControl: headers.cacheControl,
                                            contentDisposition: headers.contentDisposition), body: .png(HTTPBody(bytes))))
        case .notModified(let headers):
            return .notModified(.init(headers))
        }
    }

    /// `GET /v1/beneficiaries/{id}/card.pdf`: the print copy, at true size with its seal (R_VIEW).
    func cardPrintCopy(_ input: Operations.CardPrintCopy.Input) async throws -> Operations.CardPrintCopy.Output {
        switch try await card(try RequestScope.caller(), beneficiary: input.path.id, format: .pdf, dpi: 300,
                              ifNoneMatch: input.headers.ifNoneMatch) {
        case .ok(let bytes, let headers):
            return .ok(.init(headers: .init(eTag: headers.eTag, cacheControl: headers.cacheControl,
                                            contentDisposition: headers.contentDisposition), body: .pdf(HTTPBody(bytes))))
        case .notModified(let headers):
            return .notModified(.init(headers))
        }
    }
}

extension Components.Responses.NotModified {
    init(_ headers: DocumentHeaders) {
        self.init(headers: .init(eTag: headers.eTag, cacheControl: headers.cacheControl, contentDisposition: headers.contentDisposition))
    }
}
