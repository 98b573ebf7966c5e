// AmeliService+Documents: the certificate's one download, the inbox with its acknowledgements, the history.
import DocumentPipeline
import Foundation
import OpenAPIRuntime
import Records
import Storage
import TeleserviceRules

extension AmeliService {
    /// `GET /v1/certificates/{id}.pdf`: the first download succeeds, every later one is 410 (R_CERTIFICATE).
    /// The PDF is rendered before the claim, so a rendering failure never uses up the one download; the claim
    /// itself is one conditional update in the store, so under concurrency exactly one request gets the bytes.
    func downloadCertificate(_ input: Operations.DownloadCertificate.Input) async throws -> Operations.DownloadCertificate.Output {
        let caller = try RequestScope.caller()
        let id = try Self.pathIdentifier(input.path.id)
        guard let stored = try await store.certificate(id, of: caller.nir) else { throw APIProblem.notFound }
        guard stored.downloadedAt == nil else { throw Self.certificateGone }
        let record = DocumentRecord.certificate(stored.issued.certificate)
        let seal = try await self.seal(of: record, id: id.value, nir: caller.nir, subject: nil)
        let bytes = try await render(record, seal: seal, format: .pdf)
        let sha = Self.sha256Hex(bytes)
        guard try await store.claimCertificateDownload(id, of: caller.nir, at: clock(), sha256: sha) else { throw Self.certificateGone }
        try await store.recordServedDocument(ServedDocument(nir: caller.nir, kind: .certificate, documentID: id, format: "pdf",
                                                            sha256: sha, servedAt: clock()))
        try await store.recordDocumentDigest(id: id.value, sha256: sha)
        return .ok(.init(headers: .init(eTag: "\"\(sha)\"", cacheControl: "no-store",
                                        contentDisposition: "attachment; filename=\"certificat-provisoire-\(id.value).pdf\""),
                         body: .pdf(HTTPBody(bytes))))
    }

    static let certificateGone = APIProblem(
        .gone, detail: "Ce certificat provisoire a déjà été téléchargé : il ne peut l'être qu'une fois. Conservez le fichier reçu (R_CERTIFICATE).")

    /// `GET /v1/inbox`: one message per acknowledgement, newest first (R_ACK).
    func inbox(_ input: Operations.Inbox.Input) async throws -> Operations.Inbox.Output {
        let caller = try RequestScope.caller()
        return .ok(.init(body: .json(try await store.inbox(of: caller.nir).map(Components.Schemas.InboxMessage.init))))
    }

    /// `GET /v1/inbox/{id}/attachment.pdf`: the acknowledgement of receipt, rendered from the stored record (D_ACK).
    func inboxAttachment(_ input: Operations.InboxAttachment.Input) async throws -> Operations.InboxAttachment.Output {
        let caller = try RequestScope.caller()
        let id = try Self.pathIdentifier(input.path.id)
        guard let message = try await store.message(id, of: caller.nir) else { throw APIProblem.notFound }
        let record = DocumentRecord.acknowledgement(message.acknowledgement)
        let documentID = DocumentRecord.acknowledgementID(reference: id.value)
        let seal = try await self.seal(of: record, id: documentID, nir: caller.nir, subject: nil)
        switch try await document(record, seal: seal, format: .pdf, filename: Components.Schemas.InboxMessage.filename(id),
                                  served: (caller.nir, .acknowledgement, id), ifNoneMatch: input.headers.ifNoneMatch,
                                  registered: documentID) {
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
        return .ok(.init(body: .json(try await store.procedures(of: caller.nir).map(Components.Schemas.Procedure.init))))
    }

    /// `POST /v1/procedures/{id}/rating` `{score}`: 1 to 5, once (R_RATING); 204.
    func rateProcedure(_ input: Operations.RateProcedure.Input) async throws -> Operations.RateProcedure.Output {
        let caller = try RequestScope.caller()
        let id = try Self.pathIdentifier(input.path.id)
        guard case .json(let body) = input.body else { throw APIProblem.unsupportedBody }
        let procedure = ProcedureRequest(nir: caller.nir, idempotency: try idempotencyKey(input.headers.idempotencyKey, caller: caller))
        let result = try await performSealed(procedure, at: clock()) { context in
            guard let entry = context.history.first(where: { $0.id == id }) else { throw APIProblem.notFound }
            switch Rating.rate(entry, score: body.score) {
            case .refused(let refusal):
                throw refusal
            case .accepted(let rated):
                var changes = HouseholdChanges()
                changes.procedures = [rated]
                let response = StoredResponse(status: 204, contentType: "", body: [])
                return ProcedureCommit(changes: changes, value: response, response: response)
            }
        }
        return .noContent(.init(headers: .init(idempotentReplayed: Self.replayed(result).map { _ in ._true })))
    }
}
