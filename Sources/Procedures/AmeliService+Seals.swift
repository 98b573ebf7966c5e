// AmeliService+Seals: every procedure's documents signed and registered in its transaction; seals found for renders.
package import DocumentPipeline
package import Foundation
package import Records
package import Storage
import TeleserviceRules

extension AmeliService {
    /// `store.perform` with the register kept in step (SEAL.md): the documents the procedure issues
    /// (acknowledgement, certificate, proxy confirmation) are signed and entered, and the documents it makes void
    /// (a revoked proxy's confirmation, a cancelled or replaced card's copies) are revoked, all in the procedure's
    /// own transaction, so a document exists in the register exactly when its procedure happened.
    /// `now` is the procedure's own instant (its submission's), so that the seals' dates and the acknowledgement's
    /// are one reading of the clock, also at midnight.
    package func performSealed<Value: Sendable>(
        _ request: ProcedureRequest, at now: Date,
        _ decide: @Sendable (ProcedureContext) throws -> ProcedureCommit<Value>
    ) async throws -> ProcedureResult<Value> {
        let seals = self.seals
        return try await store.perform(request) { context in
            var commit = try decide(context)
            try Self.register(&commit.changes, before: context.household, nir: request.nir, seals: seals, at: now)
            return commit
        }
    }

    package static func register(_ changes: inout HouseholdChanges, before household: Household, nir: NIR, seals: SealIssuer,
                         at now: Date) throws {
        for message in changes.messages {
            changes.documents.append(try seals.issue(.acknowledgement(message.acknowledgement),
                                                     id: DocumentRecord.acknowledgementID(reference: message.id.value), nir: nir,
                                                     subject: nil, at: now))
        }
        for issued in changes.certificates {
            changes.documents.append(try seals.issue(.certificate(issued.certificate), id: issued.certificate.id.value, nir: nir,
                                                     subject: nil, at: now))
        }
        for change in changes.proxies {
            if let confirmation = change.confirmation {
                changes.documents.append(try seals.issue(.proxyConfirmation(confirmation), id: confirmation.proxyID.value, nir: nir,
                                                         subject: RegisteredDocument.subject(proxy: change.proxy.id), at: now))
            }
            if change.proxy.revokedAt != nil {
                changes.revocations.append(DocumentRevocation(subject: RegisteredDocument.subject(proxy: change.proxy.id),
                                                              reason: "Procuration révoquée par l'assuré.", at: now))
            }
        }
        guard let record = changes.record else { return }
        let before = household.record.beneficiaries.flatMap(\.cards)
        for card in record.beneficiaries.flatMap(\.cards) {
            guard let old = before.first(where: { $0.number == card.number }), old.status == .active, card.status != .active else { continue }
            let reason = switch card.status {
            case .cancelled(_, kind: .loss): "Carte déclarée perdue."
            case .cancelled(_, kind: .theft): "Carte déclarée volée."
            case .replaced, .active: "Carte remplacée par une nouvelle carte."
            }
            changes.revocations.append(DocumentRevocation(subject: RegisteredDocument.subject(card: card.number), reason: reason, at: now))
        }
    }

    /// The seal of a document already issued, or — for a document issued before the register existed, and for a
    /// card's print copy, which is issued when first asked for — one signed and registered now. Concurrent first
    /// requests agree: the register keeps the first row and every caller renders that one.
    package func seal(of record: DocumentRecord, id: String, nir: NIR, subject: String?) async throws -> DocumentSeal {
        var registered = try await store.registeredDocument(id: id)
        if registered == nil {
            registered = try await store.registerDocument(try seals.issue(record, id: id, nir: nir, subject: subject, at: clock()))
        }
        // Ids are unguessable and per household; a row of another household under this id would be a bug, and
        // its seal must never be printed on this caller's document.
        guard let registered, registered.nir == nir else { throw APIProblem.notFound }
        return DocumentSeal(text: registered.sealText, documentID: registered.id)
    }

    /// A card's print copy id: the card number and a digest of the face printed, so that the same card gives the
    /// same copy (and the same bytes) on every view, and a corrected name gives a new copy.
    package static func cardCopyID(_ record: DocumentRecord) throws -> String {
        let digest = sha256Hex(Array(try record.encoded()))
        return "\(record.ownDocumentID)-\(digest.prefix(8).uppercased())"
    }
}
