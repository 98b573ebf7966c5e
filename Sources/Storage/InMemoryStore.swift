// InMemoryStore: the store in one process's memory, for tests of the service that need no database.
public import Foundation
public import Records
public import TeleserviceRules
import Synchronization

/// Same contract as the database stores: one lock stands for the household lock and the transaction (a decision
/// that throws leaves the state untouched, because changes are applied only after it returns).
public final class InMemoryStore: Store {
    private struct State {
        var records: [NIR: InsuredRecord] = [:]
        var orders: [NIR: [CardOrder]] = [:]
        var proxies: [NIR: [Proxy]] = [:]
        var confirmations: [Identifier: (NIR, ProxyConfirmation)] = [:]
        var certificates: [Identifier: (NIR, StoredCertificate)] = [:]
        /// Download leases by certificate id (the databases keep them in the certificate's row).
        var downloadLeases: [Identifier: DownloadLease] = [:]
        var messages: [NIR: [InboxMessage]] = [:]
        /// Every household's notices as a queue, oldest first, with their leases (a household's are filtered out of it).
        var outbox: [LeasedNotice] = []
        var history: [NIR: [ProcedureEntry]] = [:]
        var idempotency: [String: (fingerprint: String, response: StoredResponse)] = [:]
        var served: [ServedDocument] = []
        /// The register, keyed by the upper-cased document id.
        var register: [String: RegisteredDocument] = [:]
        var nextCardSerial = CardSerial.firstValue
    }

    private let state = Mutex(State())

    public init() {}

    public func migrate() async throws {}
    public func checkHealth() async throws {}

    public func importRecords(_ records: [InsuredRecord], at instant: Date) async throws -> [ImportResult] {
        state.withLock { state in
            records.map { record in state.records.updateValue(record, forKey: record.nir) != nil ? .replaced : .created }
        }
    }

    public func household(of nir: NIR) async throws -> Household? {
        state.withLock { state in Self.household(nir, in: state) }
    }

    private static func household(_ nir: NIR, in state: State) -> Household? {
        state.records[nir].map { Household(record: $0, orders: state.orders[nir] ?? [], proxies: state.proxies[nir] ?? []) }
    }

    public func perform<Value: Sendable>(
        _ request: ProcedureRequest,
        _ decide: @Sendable (ProcedureContext) throws -> ProcedureCommit<Value>
    ) async throws -> ProcedureResult<Value> {
        try state.withLock { state in
            guard let household = Self.household(request.nir, in: state) else { throw StoreError.householdNotFound }
            let idempotencyID = request.idempotency.map { "\($0.principal)\u{0}\($0.key)" }
            if let key = request.idempotency, let id = idempotencyID, let seen = state.idempotency[id] {
                guard seen.fingerprint == key.fingerprint else { throw StoreError.idempotencyKeyReused }
                return .replayed(seen.response)
            }
            var serial: Int?
            if request.allocatesCardSerial {
                serial = state.nextCardSerial
            }
            let history = (state.history[request.nir] ?? []).sorted { $0.submittedAt > $1.submittedAt }
            let commit = try decide(ProcedureContext(household: household, history: history, cardSerial: serial))
            // As in the databases, an id already in the register fails the whole procedure (primary key).
            if commit.changes.documents.contains(where: { state.register[$0.key] != nil }) { throw StoreError.conflict }
            if request.allocatesCardSerial { state.nextCardSerial += 1 }
            Self.apply(commit.changes, to: &state, nir: request.nir)
            if let key = request.idempotency, let id = idempotencyID, let response = commit.response {
                state.idempotency[id] = (key.fingerprint, response)
            }
            return .performed(commit.value)
        }
    }

    private static func apply(_ changes: HouseholdChanges, to state: inout State, nir: NIR) {
        if let record = changes.record { state.records[nir] = record }
        for order in changes.orders { upsert(order, into: &state.orders[nir, default: []], id: \.id) }
        for change in changes.proxies {
            upsert(change.proxy, into: &state.proxies[nir, default: []], id: \.id)
            if let confirmation = change.confirmation { state.confirmations[change.proxy.id] = (nir, confirmation) }
        }
        for issued in changes.certificates {
            state.certificates[issued.certificate.id] = (nir, StoredCertificate(issued: issued))
        }
        state.messages[nir, default: []].append(contentsOf: changes.messages)
        state.outbox += changes.notices.map {
            LeasedNotice(nir: nir, entry: OutboxNotice(notice: $0, status: .pending, attempts: 0, nextAttemptAt: Date(timeIntervalSince1970: 0)))
        }
        for entry in changes.procedures { upsert(entry, into: &state.history[nir, default: []], id: \.id) }
        for document in changes.documents { state.register[document.key] = document }
        for revocation in changes.revocations {
            for (key, document) in state.register
            where document.nir == nir && document.subject == revocation.subject && document.status == .valid {
                state.register[key] = Self.revoked(document, reason: revocation.reason, at: revocation.at)
            }
        }
    }

    private static func revoked(_ document: RegisteredDocument, reason: String, at instant: Date) -> RegisteredDocument {
        var copy = document
        copy.status = .revoked
        copy.revokedAt = instant
        copy.revokedReason = reason
        return copy
    }

    private static func upsert<T>(_ value: T, into list: inout [T], id: KeyPath<T, Identifier>) {
        if let index = list.firstIndex(where: { $0[keyPath: id] == value[keyPath: id] }) {
            list[index] = value
        } else {
            list.append(value)
        }
    }

    public func owner(ofOrder id: Identifier) async throws -> NIR? {
        state.withLock { state in state.orders.first { $0.value.contains { $0.id == id } }?.key }
    }

    public func inbox(of nir: NIR) async throws -> [InboxMessage] {
        state.withLock { state in (state.messages[nir] ?? []).sorted { ($0.receivedAt, $0.id) > ($1.receivedAt, $1.id) } }
    }

    public func message(_ id: Identifier, of nir: NIR) async throws -> InboxMessage? {
        state.withLock { state in state.messages[nir]?.first { $0.id == id } }
    }

    public func procedures(of nir: NIR) async throws -> [ProcedureEntry] {
        state.withLock { state in (state.history[nir] ?? []).sorted { ($0.submittedAt, $0.id) > ($1.submittedAt, $1.id) } }
    }

    public func notices(of nir: NIR) async throws -> [EmailNotice] {
        state.withLock { state in state.outbox.filter { $0.nir == nir }.map(\.entry.notice).reversed() }
    }

    public func certificate(_ id: Identifier, of nir: NIR) async throws -> StoredCertificate? {
        state.withLock { state in state.certificates[id].flatMap { $0.0 == nir ? $0.1 : nil } }
    }

    public func proxyConfirmation(_ id: Identifier, of nir: NIR) async throws -> ProxyConfirmation? {
        state.withLock { state in state.confirmations[id].flatMap { $0.0 == nir ? $0.1 : nil } }
    }

    public func leaseCertificateDownload(_ id: Identifier, of nir: NIR, lease: DownloadLease) async throws -> CertificateLeaseOutcome {
        state.withLock { state in
            guard let (owner, stored) = state.certificates[id], owner == nir else { return .notFound }
            guard stored.downloadedAt == nil else { return .downloaded }
            if let held = state.downloadLeases[id], held.until > lease.at { return .taken }
            state.downloadLeases[id] = lease
            return .granted(stored)
        }
    }

    public func completeCertificateDownload(_ id: Identifier, token: String, served: ServedDocument) async throws -> Bool {
        state.withLock { state in
            guard let lease = state.downloadLeases[id], lease.token == token,
                  let (owner, stored) = state.certificates[id], owner == served.nir, stored.downloadedAt == nil else { return false }
            state.downloadLeases[id] = nil
            state.certificates[id] = (owner, StoredCertificate(issued: stored.issued, downloadedAt: lease.at, sha256: served.sha256))
            Self.recordServed(served, in: &state)
            let key = RegisteredDocument.key(id.value)
            if state.register[key]?.sha256 == nil { state.register[key]?.sha256 = served.sha256 }
            return true
        }
    }

    public func releaseCertificateDownload(_ id: Identifier, of nir: NIR, token: String) async throws {
        state.withLock { state in
            if state.downloadLeases[id]?.token == token, state.certificates[id]?.0 == nir { state.downloadLeases[id] = nil }
        }
    }

    public func recordServedDocument(_ document: ServedDocument) async throws {
        state.withLock { state in Self.recordServed(document, in: &state) }
    }

    /// As the databases' unique index: once per distinct content.
    private static func recordServed(_ document: ServedDocument, in state: inout State) {
        let seen = state.served.contains { $0.nir == document.nir && $0.kind == document.kind && $0.documentID == document.documentID
            && $0.format == document.format && $0.sha256 == document.sha256 }
        if !seen { state.served.append(document) }
    }

    public func servedDocuments(of nir: NIR) async throws -> [ServedDocument] {
        state.withLock { state in state.served.filter { $0.nir == nir }.reversed() }
    }

    public func registeredDocument(id: String) async throws -> RegisteredDocument? {
        state.withLock { state in state.register[RegisteredDocument.key(id)] }
    }

    public func registerDocument(_ document: RegisteredDocument) async throws -> RegisteredDocument {
        state.withLock { state in
            if let existing = state.register[document.key] { return existing }
            state.register[document.key] = document
            return document
        }
    }

    public func revokeDocument(id: String, reason: String, at instant: Date) async throws -> Bool {
        state.withLock { state in
            let key = RegisteredDocument.key(id)
            guard let document = state.register[key] else { return false }
            if document.status == .valid { state.register[key] = Self.revoked(document, reason: reason, at: instant) }
            return true
        }
    }

    public func recordDocumentDigest(id: String, sha256: String) async throws {
        state.withLock { state in
            let key = RegisteredDocument.key(id)
            if state.register[key]?.sha256 == nil { state.register[key]?.sha256 = sha256 }
        }
    }
}

// MARK: - The outbox

/// An outbox entry with the lease the database stores beside it.
private struct LeasedNotice {
    let nir: NIR
    var entry: OutboxNotice
    var owner: String?
    var leaseUntil: Date?
}

extension InMemoryStore {
    public func claimNotices(_ claim: NoticeClaim) async throws -> [OutboxNotice] {
        state.withLock { state in
            var claimed: [OutboxNotice] = []
            for index in state.outbox.indices where claimed.count < claim.limit {
                let leased = state.outbox[index]
                guard leased.entry.status == .pending, leased.entry.nextAttemptAt <= claim.now,
                      leased.leaseUntil.map({ $0 <= claim.now }) ?? true else { continue }
                state.outbox[index].owner = claim.owner
                state.outbox[index].leaseUntil = claim.leaseUntil
                state.outbox[index].entry.attempts += 1
                claimed.append(state.outbox[index].entry)
            }
            return claimed
        }
    }

    public func recordDelivery(of id: Identifier, claimedBy owner: String, outcome: DeliveryOutcome) async throws -> Bool {
        state.withLock { state in
            guard let index = state.outbox.firstIndex(where: { $0.entry.id == id }), state.outbox[index].entry.status == .pending else {
                return false
            }
            var leased = state.outbox[index]
            switch outcome {
            case .sent(let at):
                leased.entry.status = .sent
                leased.entry.deliveredAt = at
            case .retry(let error, let retryAt):
                guard leased.owner == owner else { return false }
                leased.entry.nextAttemptAt = retryAt
                leased.entry.lastError = error
            case .failed(let error, _):
                guard leased.owner == owner else { return false }
                leased.entry.status = .failed
                leased.entry.lastError = error
            }
            leased.owner = nil
            leased.leaseUntil = nil
            state.outbox[index] = leased
            return true
        }
    }

    public func outbox(status: NoticeStatus?, limit: Int) async throws -> [OutboxNotice] {
        state.withLock { state in
            Array(state.outbox.reversed().map(\.entry).filter { status == nil || $0.status == status }.prefix(limit))
        }
    }

    public func outboxCounts() async throws -> [NoticeStatus: Int] {
        state.withLock { state in
            var counts = Dictionary(uniqueKeysWithValues: NoticeStatus.allCases.map { ($0, 0) })
            for leased in state.outbox { counts[leased.entry.status, default: 0] += 1 }
            return counts
        }
    }
}
