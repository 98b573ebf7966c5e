// AmeliService+Documents: the certificate's one download, the inbox with its acknowledgements, the history.
import DocumentPipeline
import Foundation
import Hummingbird
import Records
import Storage
import TeleserviceRules

extension AmeliService {
    /// `GET /v1/certificates/{id}.pdf`: the first download succeeds, every later one is 410 (R_CERTIFICATE).
    /// The PDF is rendered before the claim, so a rendering failure never uses up the one download; the claim
    /// itself is one conditional update in the store, so under concurrency exactly one request gets the bytes.
    func downloadCertificate(_ request: Request, context: AppRequestContext) async throws -> Response {
        let caller = try context.requireCaller()
        let id = try context.identifier("id")
        guard let stored = try await store.certificate(id, of: caller.nir) else { throw APIProblem.notFound }
        guard stored.downloadedAt == nil else { throw Self.certificateGone }
        let record = DocumentRecord.certificate(stored.issued.certificate)
        let seal = try await self.seal(of: record, id: id.value, nir: caller.nir, subject: nil)
        let bytes = try await render(record, seal: seal, format: .pdf)
        let sha = Self.sha256Hex(bytes)
        guard try await store.claimCertificateDownload(id, of: caller.nir, at: clock(), sha256: sha) else { throw Self.certificateGone }
        var headers: HTTPFields = [:]
        headers[.cacheControl] = "no-store"
        headers[.contentDisposition] = "attachment; filename=\"certificat-provisoire-\(id.value).pdf\""
        headers[.eTag] = "\"\(sha)\""
        try await store.recordServedDocument(ServedDocument(nir: caller.nir, kind: .certificate, documentID: id, format: "pdf",
                                                            sha256: sha, servedAt: clock()))
        try await store.recordDocumentDigest(id: id.value, sha256: sha)
        return Self.bytes(bytes, status: .ok, contentType: OutputFormat.pdf.mediaType, headers: headers)
    }

    static let certificateGone = APIProblem(
        .gone, detail: "Ce certificat provisoire a déjà été téléchargé : il ne peut l'être qu'une fois. Conservez le fichier reçu (R_CERTIFICATE).")

    /// `GET /v1/inbox`: one message per acknowledgement, newest first (R_ACK).
    func inbox(_ request: Request, context: AppRequestContext) async throws -> Response {
        let caller = try context.requireCaller()
        let messages = try await store.inbox(of: caller.nir).map(MessageView.init)
        return try Self.json(messages)
    }

    /// `GET /v1/inbox/{id}/attachment.pdf`: the acknowledgement of receipt, rendered from the stored record (D_ACK).
    func inboxAttachment(_ request: Request, context: AppRequestContext) async throws -> Response {
        let caller = try context.requireCaller()
        let id = try context.identifier("id")
        guard let message = try await store.message(id, of: caller.nir) else { throw APIProblem.notFound }
        let record = DocumentRecord.acknowledgement(message.acknowledgement)
        let documentID = DocumentRecord.acknowledgementID(reference: id.value)
        let seal = try await self.seal(of: record, id: documentID, nir: caller.nir, subject: nil)
        return try await document(record, seal: seal, format: .pdf, filename: MessageView.filename(id),
                                  served: (caller.nir, .acknowledgement, id), request: request, registered: documentID)
    }

    /// `GET /v1/procedures`: the history "Mes démarches", newest first (R_HISTORY).
    func procedures(_ request: Request, context: AppRequestContext) async throws -> Response {
        let caller = try context.requireCaller()
        return try Self.json(try await store.procedures(of: caller.nir).map(ProcedureView.init))
    }

    /// `POST /v1/procedures/{id}/rating` `{score}`: 1 to 5, once (R_RATING); 204.
    func rateProcedure(_ request: Request, context: AppRequestContext) async throws -> Response {
        let caller = try context.requireCaller()
        let id = try context.identifier("id")
        let body = try await RequestBody.read(request)
        let input = try body.decode(RatingInput.self)
        let procedure = ProcedureRequest(nir: caller.nir, idempotency: try idempotencyKey(request, body: body, caller: caller))
        let result = try await performSealed(procedure) { context in
            guard let entry = context.history.first(where: { $0.id == id }) else { throw APIProblem.notFound }
            switch Rating.rate(entry, score: input.score) {
            case .refused(let refusal):
                throw refusal
            case .accepted(let rated):
                var changes = HouseholdChanges()
                changes.procedures = [rated]
                let response = StoredResponse(status: 204, contentType: "", body: [])
                return ProcedureCommit(changes: changes, value: response, response: response)
            }
        }
        return Self.answer(result)
    }
}

struct RatingInput: RequestDecodable {
    let score: Int
    static let shape = JSONShape.object(["score": .value])
}

struct MessageView: Encodable {
    struct Attachment: Encodable {
        let url: String
        let filename: String
    }

    let id: String
    let subject: String
    let receivedAt: Date
    let attachment: Attachment

    init(_ message: InboxMessage) {
        id = message.id.value
        subject = message.subject
        receivedAt = message.receivedAt
        attachment = Attachment(url: "/v1/inbox/\(message.id.value)/attachment.pdf", filename: Self.filename(message.id))
    }

    static func filename(_ id: Identifier) -> String { "accuse-de-reception-\(id.value).pdf" }
}

struct ProcedureView: Encodable {
    let id: String
    let kind: ProcedureKind
    let beneficiaryId: String?
    let status: ProcedureStatus
    let submittedAt: Date
    let rating: Int?

    init(_ entry: ProcedureEntry) {
        id = entry.id.value
        kind = entry.kind
        beneficiaryId = entry.beneficiaryID?.value
        status = entry.status
        submittedAt = entry.submittedAt
        rating = entry.rating
    }
}
