// SQLiteStore: the default store, one SQLite file in WAL mode through GRDB.
public import Foundation
import GRDB
public import Records
public import Storage
public import TeleserviceRules

/// GRDB's `DatabasePool` gives WAL mode, concurrent reads and one writer: every `write` is an IMMEDIATE
/// transaction on the single writer connection, so procedures on a household are serialised (here all of them
/// are, which SQLite does anyway). Other processes on the same file wait up to `busyTimeout`.
public final class SQLiteStore: Store {
    let pool: DatabasePool
    public let path: String

    public init(path: String, busyTimeout: TimeInterval = 5) throws {
        var configuration = Configuration()
        configuration.busyMode = .timeout(busyTimeout)
        configuration.foreignKeysEnabled = true
        configuration.label = "AmeliDocs"
        self.pool = try DatabasePool(path: path, configuration: configuration)
        self.path = path
    }

    public func migrate() async throws {
        try SQLiteSchema.migrator.migrate(pool)
    }

    /// The migrations applied, oldest first (tests compare them with PostgreSQL's).
    public func appliedMigrations() async throws -> [String] {
        try await pool.read { db in try SQLiteSchema.migrator.appliedMigrations(db) }
    }

    public func journalMode() async throws -> String {
        try await pool.read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") ?? "" }
    }

    public func checkHealth() async throws {
        _ = try await pool.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM insured") }
    }

    public func importRecords(_ records: [InsuredRecord], at instant: Date) async throws -> [ImportResult] {
        let encoded = try records.map { ($0.nir.value, try StoredJSON.encode($0)) }
        // One write transaction: GRDB rolls all of it back when a statement throws.
        return try await pool.write { db in
            try encoded.map { nir, json in
                let existed = try Bool.fetchOne(db, sql: "SELECT 1 FROM insured WHERE nir = ?", arguments: [nir]) ?? false
                try db.execute(sql: """
                    INSERT INTO insured (nir, record, updated_at) VALUES (?, ?, ?)
                    ON CONFLICT (nir) DO UPDATE SET record = excluded.record, updated_at = excluded.updated_at
                    """, arguments: [nir, json, instant.timeIntervalSince1970])
                return existed ? .replaced : .created
            }
        }
    }

    public func household(of nir: NIR) async throws -> Household? {
        try await pool.read { db in try Self.household(nir, db) }
    }

    private static func household(_ nir: NIR, _ db: Database) throws -> Household? {
        guard let json = try String.fetchOne(db, sql: "SELECT record FROM insured WHERE nir = ?", arguments: [nir.value]) else {
            return nil
        }
        let record = try StoredJSON.decode(InsuredRecord.self, from: json)
        let orders = try String.fetchAll(db, sql: "SELECT body FROM card_orders WHERE nir = ? ORDER BY submitted_at, id", arguments: [nir.value])
            .map { try StoredJSON.decode(CardOrder.self, from: $0) }
        let proxies = try String.fetchAll(db, sql: "SELECT body FROM proxies WHERE nir = ? ORDER BY created_at, id", arguments: [nir.value])
            .map { try StoredJSON.decode(Proxy.self, from: $0) }
        return Household(record: record, orders: orders, proxies: proxies)
    }

    private static func history(_ nir: NIR, _ db: Database) throws -> [ProcedureEntry] {
        try String.fetchAll(db, sql: "SELECT body FROM procedures WHERE nir = ? ORDER BY submitted_at DESC, id DESC", arguments: [nir.value])
            .map { try StoredJSON.decode(ProcedureEntry.self, from: $0) }
    }

    public func perform<Value: Sendable>(
        _ request: ProcedureRequest,
        _ decide: @Sendable (ProcedureContext) throws -> ProcedureCommit<Value>
    ) async throws -> ProcedureResult<Value> {
        do {
            return try await performLocked(request, decide)
        } catch let error as DatabaseError where error.resultCode == .SQLITE_CONSTRAINT {
            // As on PostgreSQL and in memory: a row already there (a register id) fails the procedure as a conflict.
            throw StoreError.conflict
        }
    }

    private func performLocked<Value: Sendable>(
        _ request: ProcedureRequest,
        _ decide: @Sendable (ProcedureContext) throws -> ProcedureCommit<Value>
    ) async throws -> ProcedureResult<Value> {
        try await pool.write { db in
            guard let household = try Self.household(request.nir, db) else { throw StoreError.householdNotFound }
            if let key = request.idempotency,
               let row = try Row.fetchOne(db, sql: "SELECT fingerprint, status, content_type, body FROM idempotency_keys WHERE principal = ? AND key = ?",
                                          arguments: [key.principal, key.key]) {
                guard row["fingerprint"] as String == key.fingerprint else { throw StoreError.idempotencyKeyReused }
                let body: Data = row["body"]
                return .replayed(StoredResponse(status: row["status"], contentType: row["content_type"], body: [UInt8](body)))
            }
            var serial: Int?
            if request.allocatesCardSerial {
                try db.execute(sql: "UPDATE card_serials SET last_value = last_value + 1 WHERE name = 'card'")
                serial = try Int.fetchOne(db, sql: "SELECT last_value FROM card_serials WHERE name = 'card'")
            }
            let commit = try decide(ProcedureContext(household: household, history: try Self.history(request.nir, db), cardSerial: serial))
            try Self.apply(commit.changes, nir: request.nir, db)
            if let key = request.idempotency, let response = commit.response {
                try db.execute(sql: """
                    INSERT INTO idempotency_keys (principal, key, fingerprint, status, content_type, body) VALUES (?, ?, ?, ?, ?, ?)
                    """, arguments: [key.principal, key.key, key.fingerprint, response.status, response.contentType, Data(response.body)])
            }
            return .performed(commit.value)
        }
    }

    private static func apply(_ changes: HouseholdChanges, nir: NIR, _ db: Database) throws {
        let owner = nir.value
        if let record = changes.record {
            try db.execute(sql: "UPDATE insured SET record = ? WHERE nir = ?", arguments: [try StoredJSON.encode(record), owner])
        }
        for order in changes.orders {
            try db.execute(sql: """
                INSERT INTO card_orders (id, nir, beneficiary_id, submitted_at, body) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (id) DO UPDATE SET body = excluded.body
                """, arguments: [order.id.value, owner, order.beneficiaryID.value, order.submittedAt.timeIntervalSince1970, try StoredJSON.encode(order)])
        }
        for change in changes.proxies {
            try db.execute(sql: """
                INSERT INTO proxies (id, nir, created_at, body, confirmation) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (id) DO UPDATE SET body = excluded.body, confirmation = coalesce(excluded.confirmation, proxies.confirmation)
                """, arguments: [change.proxy.id.value, owner, change.proxy.createdAt.timeIntervalSince1970,
                                 try StoredJSON.encode(change.proxy), try change.confirmation.map(StoredJSON.encode)])
        }
        for issued in changes.certificates {
            try db.execute(sql: """
                INSERT INTO certificates (id, nir, order_id, beneficiary_id, body) VALUES (?, ?, ?, ?, ?)
                """, arguments: [issued.certificate.id.value, owner, issued.orderID.value, issued.beneficiaryID.value,
                                 try StoredJSON.encode(issued.certificate)])
        }
        for message in changes.messages {
            try db.execute(sql: "INSERT INTO messages (id, nir, received_at, body) VALUES (?, ?, ?, ?)",
                           arguments: [message.id.value, owner, message.receivedAt.timeIntervalSince1970, try StoredJSON.encode(message.acknowledgement)])
        }
        for notice in changes.notices {
            // Pending and due at once (next_attempt_at's default): the delivery service picks it up.
            try db.execute(sql: "INSERT INTO email_notices (id, nir, sent_at, body) VALUES (?, ?, ?, ?)",
                           arguments: [notice.reference.value, owner, notice.sentAt.timeIntervalSince1970, try StoredJSON.encode(notice)])
        }
        for entry in changes.procedures {
            try db.execute(sql: """
                INSERT INTO procedures (id, nir, submitted_at, body) VALUES (?, ?, ?, ?)
                ON CONFLICT (id) DO UPDATE SET body = excluded.body
                """, arguments: [entry.id.value, owner, entry.submittedAt.timeIntervalSince1970, try StoredJSON.encode(entry)])
        }
        try applyRegister(changes, nir: nir, db)
    }

    public func owner(ofOrder id: Identifier) async throws -> NIR? {
        let text = try await pool.read { db in try String.fetchOne(db, sql: "SELECT nir FROM card_orders WHERE id = ?", arguments: [id.value]) }
        return try text.map { try NIR($0) }
    }

    public func inbox(of nir: NIR) async throws -> [InboxMessage] {
        try await pool.read { db in
            try String.fetchAll(db, sql: "SELECT body FROM messages WHERE nir = ? ORDER BY received_at DESC, id DESC", arguments: [nir.value])
                .map { InboxMessage(acknowledgement: try StoredJSON.decode(Acknowledgement.self, from: $0)) }
        }
    }

    public func message(_ id: Identifier, of nir: NIR) async throws -> InboxMessage? {
        try await pool.read { db in
            try String.fetchOne(db, sql: "SELECT body FROM messages WHERE id = ? AND nir = ?", arguments: [id.value, nir.value])
                .map { InboxMessage(acknowledgement: try StoredJSON.decode(Acknowledgement.self, from: $0)) }
        }
    }

    public func procedures(of nir: NIR) async throws -> [ProcedureEntry] {
        try await pool.read { db in try Self.history(nir, db) }
    }

    public func notices(of nir: NIR) async throws -> [EmailNotice] {
        try await pool.read { db in
            try String.fetchAll(db, sql: "SELECT body FROM email_notices WHERE nir = ? ORDER BY seq DESC", arguments: [nir.value])
                .map { try StoredJSON.decode(EmailNotice.self, from: $0) }
        }
    }

    public func certificate(_ id: Identifier, of nir: NIR) async throws -> StoredCertificate? {
        try await pool.read { db in try Self.certificate(id, of: nir, db) }
    }

    private static func certificate(_ id: Identifier, of nir: NIR, _ db: Database) throws -> StoredCertificate? {
        guard let row = try Row.fetchOne(db, sql: "SELECT order_id, beneficiary_id, body, downloaded_at, sha256 FROM certificates WHERE id = ? AND nir = ?",
                                         arguments: [id.value, nir.value]) else { return nil }
        let issued = IssuedCertificate(certificate: try StoredJSON.decode(ProvisionalCertificate.self, from: row["body"]),
                                       orderID: try Identifier(row["order_id"]), beneficiaryID: try Identifier(row["beneficiary_id"]))
        let downloaded: Double? = row["downloaded_at"]
        return StoredCertificate(issued: issued, downloadedAt: downloaded.map(Date.init(timeIntervalSince1970:)), sha256: row["sha256"])
    }

    public func proxyConfirmation(_ id: Identifier, of nir: NIR) async throws -> ProxyConfirmation? {
        try await pool.read { db in
            try String.fetchOne(db, sql: "SELECT confirmation FROM proxies WHERE id = ? AND nir = ?", arguments: [id.value, nir.value])
                .map { try StoredJSON.decode(ProxyConfirmation.self, from: $0) }
        }
    }

    public func leaseCertificateDownload(_ id: Identifier, of nir: NIR, lease: DownloadLease) async throws -> CertificateLeaseOutcome {
        try await pool.write { db in
            // The condition and the update are one statement inside the one writer's transaction: exactly one
            // caller takes an untaken (or expired) lease.
            try db.execute(sql: """
                UPDATE certificates SET lease_token = ?, lease_until = ?
                WHERE id = ? AND nir = ? AND downloaded_at IS NULL AND (lease_until IS NULL OR lease_until <= ?)
                """, arguments: [lease.token, lease.until.timeIntervalSince1970, id.value, nir.value, lease.at.timeIntervalSince1970])
            if db.changesCount == 1 {
                guard let stored = try Self.certificate(id, of: nir, db) else { return .notFound }
                return .granted(stored)
            }
            guard let stored = try Self.certificate(id, of: nir, db) else { return .notFound }
            return stored.downloadedAt == nil ? .taken : .downloaded
        }
    }

    public func completeCertificateDownload(_ id: Identifier, token: String, served: ServedDocument) async throws -> Bool {
        try await pool.write { db in
            // One transaction: the download, the proof of what was served and the register's digest, or none of them.
            try db.execute(sql: """
                UPDATE certificates SET downloaded_at = ?, sha256 = ?, lease_token = NULL, lease_until = NULL
                WHERE id = ? AND nir = ? AND downloaded_at IS NULL AND lease_token = ?
                """, arguments: [served.servedAt.timeIntervalSince1970, served.sha256, id.value, served.nir.value, token])
            guard db.changesCount == 1 else { return false }
            try Self.insertServed(served, db)
            try db.execute(sql: "UPDATE document_register SET sha256 = ? WHERE id_key = ? AND sha256 IS NULL",
                           arguments: [served.sha256, RegisteredDocument.key(id.value)])
            return true
        }
    }

    public func releaseCertificateDownload(_ id: Identifier, of nir: NIR, token: String) async throws {
        try await pool.write { db in
            try db.execute(sql: """
                UPDATE certificates SET lease_token = NULL, lease_until = NULL WHERE id = ? AND nir = ? AND lease_token = ?
                """, arguments: [id.value, nir.value, token])
        }
    }

    public func recordServedDocument(_ document: ServedDocument) async throws {
        try await pool.write { db in try Self.insertServed(document, db) }
    }

    private static func insertServed(_ document: ServedDocument, _ db: Database) throws {
        try db.execute(sql: """
            INSERT INTO served_documents (nir, kind, document_id, format, sha256, served_at) VALUES (?, ?, ?, ?, ?, ?)
            ON CONFLICT (nir, kind, document_id, format, sha256) DO NOTHING
            """, arguments: [document.nir.value, document.kind.rawValue, document.documentID.value, document.format,
                             document.sha256, document.servedAt.timeIntervalSince1970])
    }

    public func servedDocuments(of nir: NIR) async throws -> [ServedDocument] {
        try await pool.read { db in
            try Row.fetchAll(db, sql: "SELECT kind, document_id, format, sha256, served_at FROM served_documents WHERE nir = ? ORDER BY seq DESC",
                             arguments: [nir.value]).map { row in
                guard let kind = ServedDocument.Kind(rawValue: row["kind"]) else { throw StoreError.corruptRow("served_documents.kind") }
                return ServedDocument(nir: nir, kind: kind, documentID: try Identifier(row["document_id"]),
                               format: row["format"], sha256: row["sha256"], servedAt: Date(timeIntervalSince1970: row["served_at"]))
            }
        }
    }
}
