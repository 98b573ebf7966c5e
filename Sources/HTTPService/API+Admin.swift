// API+Admin: the back office's operations — record import, card production's fulfilment, the notices' outbox,
// a document's revocation — each a call of its procedure with the request's caller.
import APIContract
import OpenAPIRuntime
import HTTPEdge
import Procedures
import Foundation
import Records
import Storage
import TeleserviceRules

extension AmeliService {
    /// `PUT /v1/admin/insured/{nir}`: creates (201) or replaces (200) one insured with their household. The body has
    /// the contract's shape (checked by the generated type, then read from its bytes by the procedure).
    func putInsured(_ input: Operations.PutInsured.Input) async throws -> Operations.PutInsured.Output {
        let (record, result) = try await putInsured(try RequestScope.caller(), nir: input.path.nir, body: try RequestScope.require().body)
        // The record as stored, in the contract's shape: the records' own encoding is that shape.
        let answer = try JSONDecoder().decode(Components.Schemas.InsuredRecord.self, from: Data(try Self.jsonBytes(record)))
        return result == .created ? .created(.init(body: .json(answer))) : .ok(.init(body: .json(answer)))
    }

    /// `POST /v1/admin/card-orders/{id}/fulfilment` `{cardNumber?, issueDate?}`: answers the new card.
    func fulfilOrder(_ input: Operations.FulfilOrder.Input) async throws -> Operations.FulfilOrder.Output {
        guard case .json(let body) = input.body else { throw APIProblem.unsupportedBody }
        let (receipt, replayed) = try await fulfilOrder(try .ofRequest(idempotencyKey: input.headers.idempotencyKey),
                                                     order: input.path.id, cardNumber: body.cardNumber, issueDate: body.issueDate)
        return .ok(.init(headers: .init(idempotentReplayed: replayed ? ._true : nil),
                         body: .json(Components.Schemas.Card(receipt.card, today: receipt.day))))
    }

    /// `GET /v1/admin/notices?status=pending|sent|failed&limit=N`: notices newest first, with their delivery state.
    func listNotices(_ input: Operations.ListNotices.Input) async throws -> Operations.ListNotices.Output {
        let notices = try await notices(try RequestScope.caller(), status: input.query.status.flatMap { NoticeStatus(rawValue: $0.rawValue) },
                                        limit: input.query.limit ?? 100)
        return .ok(.init(body: .json(notices.map(Components.Schemas.Notice.init))))
    }

    /// `POST /v1/admin/documents/{id}/revocation` `{reason}`: 204; 404 for an id the register does not hold.
    func revokeDocument(_ input: Operations.RevokeDocument.Input) async throws -> Operations.RevokeDocument.Output {
        guard case .json(let body) = input.body else { throw APIProblem.unsupportedBody }
        try await revokeDocument(try RequestScope.caller(), id: input.path.id, reason: body.reason)
        return .noContent(.init())
    }
}

extension Components.Schemas.Notice {
    init(_ entry: OutboxNotice) {
        self.init(id: entry.id.value, to: entry.notice.to, subject: entry.notice.subject,
                  status: Components.Schemas.NoticeStatus(rawValue: entry.status.rawValue) ?? .pending,
                  attempts: entry.attempts, issuedAt: entry.notice.sentAt,
                  // A new notice is due at once (stored as "due since 1970"): it shows as due from its issue.
                  nextAttemptAt: entry.status == .pending ? max(entry.nextAttemptAt, entry.notice.sentAt) : nil,
                  deliveredAt: entry.deliveredAt, lastError: entry.lastError)
    }
}
