// Pages+Documents: after a procedure — its confirmation, the certificate's one download, the rating — and the
// inbox ("Messagerie") and history ("Mes démarches"), each document with its accessible HTML twin.
import HTTPEdge
import Procedures
import DocumentHTML
import DocumentPipeline
import Documents
import Foundation
import Hummingbird
import OpenAPIRuntime
import Records
import Storage
import TeleserviceRules

extension Pages {
    static func parisTime(_ date: Date) -> String {
        // No line break inside "10 h 42" (non-breaking spaces, as French typography has it).
        "\(ParisTime.date(date)) à \(ParisTime.time(date).replacingOccurrences(of: " ", with: "\u{00A0}"))"
    }

    /// `/demarches`: the history with statuses and ratings (R_HISTORY, R_RATING).
    func history(_ page: PageRequest) async throws -> Response {
        let entries = try await service.procedures(of: page.caller)
        let rows = entries.map { entry in
            HistoryPage.Entry(id: entry.id.value, kind: entry.kind.french, submittedAt: Self.parisTime(entry.submittedAt),
                              status: entry.status == .completed ? "Terminée" : "En cours", rating: entry.rating.map { "\($0) sur 5" })
        }
        return await self.page("demarches", HistoryPage(title: "Mes démarches", entries: rows, empty: rows.isEmpty),
                               request: page.request, channel: page.channel, caller: page.caller)
    }

    /// `/demarches/{id}`: what follows the procedure, the certificate when one was issued, the rating.
    func confirmation(_ page: PageRequest) async throws -> Response {
        guard let id = try? Identifier(page.id),
              let entry = try await service.procedures(of: page.caller).first(where: { $0.id == id }) else {
            throw APIProblem.notFound
        }
        var values = ConfirmationPage(title: entry.kind.french, id: id.value, kind: entry.kind.rawValue,
                                      submittedAt: Self.parisTime(entry.submittedAt))
        switch entry.kind {
        case .order, .renewal:
            values.card = true
        case .lossDeclaration:
            values.loss = true
            values.orderHref = entry.beneficiaryID.map { "\(page.prefix)/ceam/\($0.value)/commande" }
        case .proxy:
            values.proxy = true
        case .proxyRevocation:
            values.revocation = true
        }
        values.certificate = try await certificateLine(page)
        if let rating = entry.rating { values.rated = "\(rating) sur 5" } else { values.rating = (1...5).map(ConfirmationPage.Score.init) }
        values.messageId = try await service.message(id, of: page.caller)?.id.value
        return await self.page("demarche", values, request: page.request, channel: page.channel, caller: page.caller)
    }

    /// The certificate a procedure just issued (`?certificat=ID`), when it is the caller's, with its one download.
    func certificateLine(_ page: PageRequest) async throws -> CertificateLine? {
        guard let text = page.request.uri.queryParameters.get("certificat"), let id = try? Identifier(text),
              let stored = try await service.certificate(id, of: page.caller) else { return nil }
        return CertificateLine(id: id.value, downloaded: stored.downloadedAt != nil, validUntil: stored.issued.certificate.validUntil.french)
    }

    func rate(_ page: PageRequest) async throws -> Response {
        guard let (form, bytes) = try await form(page) else {
            return await forbidden(page.request, page.channel, caller: page.caller)
        }
        guard let score = form["note"].flatMap(Int.init), (1...5).contains(score) else {
            return Self.redirect(to: "\(page.prefix)/demarches/\(page.id)")
        }
        do {
            _ = try await service.rateProcedure(try call(page, key: form["_key"], body: bytes), id: page.id, score: score)
        } catch let refusal as Refusal where refusal.kind != .notFound {
            // Already rated (R_RATING): the page shows the rating given.
        }
        return Self.redirect(to: "\(page.prefix)/demarches/\(page.id)")
    }

    // MARK: The certificate's one download (R_CERTIFICATE), in the form the insured chooses

    func certificatePage(_ page: PageRequest) async throws -> Response {
        guard let id = try? Identifier(page.id), let stored = try await service.certificate(id, of: page.caller) else {
            throw APIProblem.notFound
        }
        // After its one download the certificate is gone, as the API says (410), and the page explains why.
        let downloaded = stored.downloadedAt != nil
        return await self.page("certificat", CertificatePage(title: "Certificat provisoire de remplacement", id: id.value,
                                                             downloaded: downloaded,
                                                             validUntil: stored.issued.certificate.validUntil.french),
                               status: downloaded ? .gone : .ok, request: page.request, channel: page.channel, caller: page.caller)
    }

    /// One download, PDF or accessible HTML: the first one uses it up, whichever form it takes.
    func downloadCertificate(_ page: PageRequest) async throws -> Response {
        guard let (form, _) = try await form(page) else {
            return await forbidden(page.request, page.channel, caller: page.caller)
        }
        do {
            if form["forme"] == "html" {
                return Self.htmlDocument(try await certificateTwin(page))
            }
            guard let id = try? Identifier(page.id) else { throw APIProblem.notFound }
            let nir = page.caller.nir
            let download = try await service.downloadCertificateOnce(id, of: nir, format: "pdf") { stored in
                let record = DocumentRecord.certificate(stored.issued.certificate)
                return try await service.render(record, seal: try await service.seal(of: record, id: id.value, nir: nir, subject: nil),
                                                format: .pdf)
            }
            // The kiosk prints rather than downloads: its browser shows the PDF, with its print button.
            let disposition = AmeliService.certificateDisposition(id)
            return Self.document(download.bytes, type: "application/pdf",
                                           disposition: page.channel == .kiosk ? disposition.replacingOccurrences(of: "attachment", with: "inline")
                                                                               : disposition)
        } catch let problem as APIProblem where problem.status == .gone {
            return await self.page("erreur", MessagePage(title: "Certificat déjà téléchargé", message: problem.detail),
                                   status: .gone, request: page.request, channel: page.channel, caller: page.caller)
        }
    }

    /// The certificate as its accessible twin, under the same one-download rule as the PDF.
    private func certificateTwin(_ page: PageRequest) async throws -> String {
        let nir = page.caller.nir
        guard let id = try? Identifier(page.id) else { throw APIProblem.notFound }
        let download = try await service.downloadCertificateOnce(id, of: nir, format: "html") { stored in
            Array(try await self.twin(.certificate(stored.issued.certificate), documentID: id.value, nir: nir, subject: nil,
                                      note: "Version accessible du certificat. Ce téléchargement unique remplace le PDF.").utf8)
        }
        return String(decoding: download.bytes, as: UTF8.self)
    }

    // MARK: Messagerie (R_ACK)

    func inbox(_ page: PageRequest) async throws -> Response {
        let messages = try await service.inbox(of: page.caller).map { message in
            InboxPage.Message(id: message.id.value, subject: message.subject, receivedAt: Self.parisTime(message.receivedAt),
                              concerning: message.acknowledgement.concerning)
        }
        return await self.page("messagerie", InboxPage(title: "Messagerie", messages: messages, empty: messages.isEmpty),
                               request: page.request, channel: page.channel, caller: page.caller)
    }

    func acknowledgementPDF(_ page: PageRequest) async throws -> Response {
        return Self.document(try await service.inboxAttachment(page.caller, id: page.id, ifNoneMatch: page.ifNoneMatch),
                             type: "application/pdf", disposition: \.contentDisposition)
    }

    func acknowledgementTwin(_ page: PageRequest) async throws -> Response {
        guard let id = try? Identifier(page.id), let message = try await service.message(id, of: page.caller) else {
            throw APIProblem.notFound
        }
        return Self.htmlDocument(try await twin(.acknowledgement(message.acknowledgement),
                                                documentID: DocumentRecord.acknowledgementID(reference: id.value), nir: page.caller.nir, subject: nil))
    }

    /// A document's accessible twin, with the seal it is registered under (signed at issue, as its PDF carries it).
    func twin(_ record: DocumentRecord, documentID: String, nir: NIR, subject: String?, note: String? = nil) async throws -> String {
        let seal = try await service.seal(of: record, id: documentID, nir: nir, subject: subject)
        return AccessibleDocument.html(try service.renderer.describe(record, seal: seal), note: note)
    }

    func cardTwin(_ page: PageRequest) async throws -> Response {
        let household = try await household(page)
        let beneficiary = try beneficiary(page, in: household)
        switch CardTeleservice.cardFace(for: beneficiary.id, in: household, today: CivilDate(service.clock())) {
        case .refused(let refusal):
            throw refusal
        case .accepted(let face):
            return Self.htmlDocument(AccessibleDocument.html(try service.renderer.describe(.card(face), seal: nil)))
        }
    }
}
