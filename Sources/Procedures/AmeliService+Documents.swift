// AmeliService+Documents: the certificate's one download, acknowledgements of receipt, ratings of the history.
import DocumentPipeline
package import Foundation
package import Records
package import Storage
import TeleserviceRules

extension AmeliService {
    package static func certificateDisposition(_ id: Identifier) -> String {
        "attachment; filename=\"certificat-provisoire-\(id.value).pdf\""
    }

    /// The certificate's one download, in whichever form `produce` makes it (the PDF, or its accessible twin on the
    /// pages), for the API and the pages alike (R_CERTIFICATE).
    ///
    /// The download is taken under a lease before anything is rendered, so concurrent requests, on any replica,
    /// render it once: every other request gets 410 at the cost of one conditional update. The served bytes'
    /// proof, the register's digest and the download itself are then written in one transaction. A failure in
    /// between (a render error, a full render queue) gives the lease back, so it never uses the download up; a
    /// replica that dies holding it lets it expire.
    package func downloadCertificateOnce(_ id: Identifier, of nir: NIR, format: String,
                                 produce: (StoredCertificate) async throws -> [UInt8]) async throws -> (bytes: [UInt8], sha256: String) {
        let now = clock()
        let lease = DownloadLease(token: UUID().uuidString, at: now, until: now.addingTimeInterval(Self.downloadLeaseSeconds))
        let stored: StoredCertificate
        switch try await store.leaseCertificateDownload(id, of: nir, lease: lease) {
        case .notFound: throw APIProblem.notFound
        case .downloaded: throw Self.certificateGone
        case .taken: throw Self.certificateBeingDownloaded
        case .granted(let granted): stored = granted
        }
        do {
            let bytes = try await produce(stored)
            let sha = Self.sha256Hex(bytes)
            let served = ServedDocument(nir: nir, kind: .certificate, documentID: id, format: format, sha256: sha, servedAt: now)
            guard try await store.completeCertificateDownload(id, token: lease.token, served: served) else { throw Self.certificateGone }
            return (bytes, sha)
        } catch {
            try? await store.releaseCertificateDownload(id, of: nir, token: lease.token)
            throw error
        }
    }

    /// Long enough for any render under load (milliseconds, or seconds queued); short enough that a replica's
    /// crash mid-download leaves the insured only a minute to wait.
    package static let downloadLeaseSeconds: TimeInterval = 60

    package static let certificateGone = APIProblem(
        .gone, detail: "Ce certificat provisoire a déjà été téléchargé : il ne peut l'être qu'une fois. Conservez le fichier reçu (R_CERTIFICATE).")

    /// Another request holds the one download at this instant. It is 410 as well: that request is the download.
    package static let certificateBeingDownloaded = APIProblem(
        .gone, detail: "Ce certificat provisoire est en cours de téléchargement par une autre demande : il ne peut l'être qu'une fois. Si ce téléchargement n'a pas abouti, réessayez dans une minute (R_CERTIFICATE).")

    /// The file name of an acknowledgement of receipt, as downloaded and as the inbox lists it.
    package static func acknowledgementFilename(_ id: Identifier) -> String { "accuse-de-reception-\(id.value).pdf" }

    /// An inbox message's acknowledgement of receipt (D_ACK), sealed, for its own household only.
    package func inboxAttachment(_ caller: Caller, id text: String, ifNoneMatch: String?) async throws -> DocumentAnswer {
        let id = try Self.pathIdentifier(text)
        guard let message = try await store.message(id, of: caller.nir) else { throw APIProblem.notFound }
        let record = DocumentRecord.acknowledgement(message.acknowledgement)
        let documentID = DocumentRecord.acknowledgementID(reference: id.value)
        let seal = try await self.seal(of: record, id: documentID, nir: caller.nir, subject: nil)
        return try await document(record, seal: seal, format: .pdf, filename: Self.acknowledgementFilename(id),
                                  served: (caller.nir, .acknowledgement, id), ifNoneMatch: ifNoneMatch, registered: documentID)
    }

    /// Rates a procedure of the history, 1 to 5, once (R_RATING); returns "true" when the answer is a replay.
    package func rateProcedure(_ call: ProcedureCall, id text: String, score: Int) async throws -> Bool {
        let id = try Self.pathIdentifier(text)
        let procedure = ProcedureRequest(nir: call.caller.nir, idempotency: call.idempotency)
        let result = try await performSealed(procedure, at: clock()) { context in
            guard let entry = context.history.first(where: { $0.id == id }) else { throw APIProblem.notFound }
            switch Rating.rate(entry, score: score) {
            case .refused(let refusal):
                throw refusal
            case .accepted(let rated):
                var changes = HouseholdChanges()
                changes.procedures = [rated]
                let response = StoredResponse(status: 204, contentType: "", body: [])
                return ProcedureCommit(changes: changes, value: response, response: response)
            }
        }
        return Self.replayed(result)
    }
}

