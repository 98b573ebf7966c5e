// Store: the one persistence interface the service and the CLI use; SQLite, PostgreSQL and memory implement it.
public import Foundation
public import Records
public import TeleserviceRules

/// Everything the service persists, per household (keyed by the insured's NIR).
///
/// Procedures go through `perform`: the store locks the household, hands a snapshot to a pure decision, and
/// commits what it returns — state, acknowledgement message, e-mail notice, history entry, idempotency record —
/// in one transaction, or nothing at all when the decision throws. Reads that take a `nir` only ever see that
/// household: another household's id answers nil, exactly like an absent one.
public protocol Store: Sendable {
    /// Brings the schema to the latest version (idempotent).
    func migrate() async throws
    /// Proves the database answers (`/health`).
    func checkHealth() async throws

    /// Creates or replaces insured records, all in one transaction: every record or none (a database failure at the
    /// tenth record leaves the first nine as they were). Orders, proxies, messages and history are kept.
    func importRecords(_ records: [InsuredRecord], at instant: Date) async throws -> [ImportResult]
    /// The household as the rules see it, or nil when the NIR has no record.
    func household(of nir: NIR) async throws -> Household?

    /// Runs one procedure on a locked household and commits its changes atomically (see type comment).
    /// Throws `StoreError.householdNotFound` when the NIR has no record; rethrows what `decide` throws, after
    /// rolling back.
    func perform<Value: Sendable>(
        _ request: ProcedureRequest,
        _ decide: @Sendable (ProcedureContext) throws -> ProcedureCommit<Value>
    ) async throws -> ProcedureResult<Value>

    /// The household owning a card order (admin fulfilment finds the household from the order).
    func owner(ofOrder id: Identifier) async throws -> NIR?

    /// The secure inbox, newest first.
    func inbox(of nir: NIR) async throws -> [InboxMessage]
    func message(_ id: Identifier, of nir: NIR) async throws -> InboxMessage?
    /// The procedure history, newest first.
    func procedures(of nir: NIR) async throws -> [ProcedureEntry]
    /// E-mail notices of a household, newest first.
    func notices(of nir: NIR) async throws -> [EmailNotice]
    func certificate(_ id: Identifier, of nir: NIR) async throws -> StoredCertificate?
    func proxyConfirmation(_ id: Identifier, of nir: NIR) async throws -> ProxyConfirmation?

    /// R_CERTIFICATE, first step of the one download: one conditional update that takes the certificate for
    /// `lease.until` under `lease.token`, for exactly one caller whatever the concurrency and the replicas. Only the
    /// holder renders; everyone else learns at the cost of that update that the download is taken or done.
    func leaseCertificateDownload(_ id: Identifier, of nir: NIR, lease: DownloadLease) async throws -> CertificateLeaseOutcome
    /// Second step, in one transaction: the certificate marked downloaded with the digest of what was served, the
    /// served document recorded, the register's digest kept. False (and nothing written) when `token` no longer holds
    /// the lease, because it expired and someone else took it.
    func completeCertificateDownload(_ id: Identifier, token: String, served: ServedDocument) async throws -> Bool
    /// Gives the download back after a failure before completion (a render error), so that the insured can try again
    /// at once rather than after the lease expires. Does nothing when `token` does not hold it.
    func releaseCertificateDownload(_ id: Identifier, of nir: NIR, token: String) async throws
    /// Records the SHA-256 of a document served, so that it can later be proven: once per distinct content (the same
    /// bytes served again to the same person add nothing).
    func recordServedDocument(_ document: ServedDocument) async throws
    func servedDocuments(of nir: NIR) async throws -> [ServedDocument]

    // MARK: The register of issued documents (SEAL.md)

    /// The register's row for a document id, in any case, whichever household it belongs to (public
    /// verification and the admin route look documents up by id alone).
    func registeredDocument(id: String) async throws -> RegisteredDocument?
    /// Enters a document issued outside a procedure (a card's print copy, issued when first viewed) and returns
    /// the row the register holds: the existing one when the id is already there, so concurrent first views agree.
    func registerDocument(_ document: RegisteredDocument) async throws -> RegisteredDocument
    /// Admin revocation: marks the document revoked with its reason. False when no such id; a document already
    /// revoked keeps its first reason and date (true).
    func revokeDocument(id: String, reason: String, at instant: Date) async throws -> Bool
    /// Keeps the SHA-256 of the bytes first served for a registered document.
    func recordDocumentDigest(id: String, sha256: String) async throws

    // MARK: The outbox of e-mail notices

    /// Leases up to `claim.limit` pending notices that are due and not leased to anyone, oldest first, and counts
    /// an attempt for each. On PostgreSQL concurrent claimants skip each other's rows, so no two take one notice.
    func claimNotices(_ claim: NoticeClaim) async throws -> [OutboxNotice]
    /// Records an attempt's outcome for a pending notice. `sent` wins whoever holds the lease (the relay has the
    /// message); `retry` and `failed` apply only while `owner` still holds it. False when nothing changed.
    func recordDelivery(of id: Identifier, claimedBy owner: String, outcome: DeliveryOutcome) async throws -> Bool
    /// The back office's view: notices in a status (all when nil), newest first.
    func outbox(status: NoticeStatus?, limit: Int) async throws -> [OutboxNotice]
    /// How many notices are in each status (every status present, zero included).
    func outboxCounts() async throws -> [NoticeStatus: Int]
}

extension Store {
    /// Creates or replaces one insured's record (see `importRecords`).
    public func importRecord(_ record: InsuredRecord, at instant: Date) async throws -> ImportResult {
        guard let result = try await importRecords([record], at: instant).first else { throw StoreError.corruptRow("import") }
        return result
    }
}

/// What `importRecord` did.
public enum ImportResult: Sendable, Equatable {
    case created
    case replaced
}
