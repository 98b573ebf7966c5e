// API+Documents: the certificate's one download, the inbox and its acknowledgements, the history, as operations.
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
    /// `GET /v1/certificates/{id}.pdf`: the first download succeeds, every later one is 410 (R_CERTIFICATE).
    func downloadCertificate(_ input: Operations.DownloadCertificate.Input) async throws -> Operations.DownloadCertificate.Output {
        let caller = try RequestScope.caller()
        let id = try Self.pathIdentifier(input.path.id)
        let download = try await downloadCertificateOnce(id, of: caller.nir, format: "pdf") { stored in
            let record = DocumentRecord.certificate(stored.issued.certificate)
            return try await self.render(record, seal: try await self.seal(of: record, id: id.value, nir: caller.nir, subject: nil), format: .pdf)
        }
        return .ok(.init(headers: .init(eTag: "\"\(download.sha256)\"", cacheControl: "no-store",
                                        contentDisposition: Self.certificateDisposition(id)),
                         body: .pdf(HTTPBody(download.bytes))))
    }


    /// `GET /v1/inbox`: one message per acknowledgement, newest first (R_ACK).
    func inbox(_ input: Operations.Inbox.Input) async throws -> Operations.Inbox.Output {
        let caller = try RequestScope.caller()
        return .ok(.init(body: .json(try await inbox(of: caller).map(Components.Schemas.InboxMessage.init))))
    }

    /// `GET /v1/inbox/{id}/attachment.pdf`: the acknowledgement of receipt, rendered from the stored record (D_ACK).
    func inboxAttachment(_ input: Operations.InboxAttachment.Input) async throws -> Operations.InboxAttachment.Output {
        switch try await inboxAttachment(try RequestScope.caller(), id: input.path.id, ifNoneMatch: input.headers.ifNoneMatch) {
        case .ok(let bytes, let headers):
            return .ok(.init(headers: .init(eTag: headers.eTag, cacheControl: headers.cacheControl,
                                            contentDisposition: headers.contentDisposition), body: .pdf(HTTPBody(bytes))))
        case .notModified(let headers):
            return .notModified(.init(headers))
        }
    }

    /// `GET /v1/procedures`: the history "Mes démarches", newest first (R_HISTORY).
    func procedures(_ input: Operations.Procedures.Input) async throws -> Operations.Procedures.Output {
        let caller = try RequestScope.caller()
        return .ok(.init(body: .json(try await procedures(of: caller).map(Components.Schemas.Procedure.init))))
    }

    /// `POST /v1/procedures/{id}/rating` `{score}`: 1 to 5, once (R_RATING); 204.
    func rateProcedure(_ input: Operations.RateProcedure.Input) async throws -> Operations.RateProcedure.Output {
        guard case .json(let body) = input.body else { throw APIProblem.unsupportedBody }
        let replayed = try await rateProcedure(try .ofRequest(idempotencyKey: input.headers.idempotencyKey), id: input.path.id,
                                               score: body.score)
        return .noContent(.init(headers: .init(idempotentReplayed: replayed ? ._true : nil)))
    }
}
