// SQLiteStore+Register: the register of issued documents (SEAL.md) in the SQLite file.
public import Foundation
import GRDB
import Records
public import Storage

extension SQLiteStore {
    static let registerColumns = """
        id, kind, nir, subject, seal, key_id, issued_at, valid_from, valid_until, sha256, status, revoked_at, revoked_reason
        """

    /// Inserts the issued documents and applies the revocations, inside the procedure's transaction.
    static func applyRegister(_ changes: HouseholdChanges, nir: NIR, _ db: Database) throws {
        for document in changes.documents { try insert(document, db) }
        for revocation in changes.revocations {
            try db.execute(sql: """
                UPDATE document_register SET status = 'revoked', revoked_at = ?, revoked_reason = ?
                WHERE nir = ? AND subject = ? AND status = 'valid'
                """, arguments: [revocation.at.timeIntervalSince1970, revocation.reason, nir.value, revocation.subject])
        }
    }

    static func insert(_ document: RegisteredDocument, _ db: Database) throws {
        try db.execute(sql: """
            INSERT INTO document_register (id_key, \(registerColumns)) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [document.key, document.id, document.kind.rawValue, document.nir.value, document.subject,
                             document.sealText, document.keyID, document.issuedAt.timeIntervalSince1970,
                             document.validFrom?.iso, document.validUntil?.iso, document.sha256, document.status.rawValue,
                             document.revokedAt?.timeIntervalSince1970, document.revokedReason])
    }

    static func registered(_ key: String, _ db: Database) throws -> RegisteredDocument? {
        guard let row = try Row.fetchOne(db, sql: "SELECT \(registerColumns) FROM document_register WHERE id_key = ?",
                                         arguments: [key]) else { return nil }
        guard let kind = RegisteredDocument.Kind(rawValue: row["kind"]) else { throw StoreError.corruptRow("document_register.kind") }
        guard let status = RegisteredDocument.StoredStatus(rawValue: row["status"]) else {
            throw StoreError.corruptRow("document_register.status")
        }
        let validFrom: String? = row["valid_from"], validUntil: String? = row["valid_until"], revokedAt: Double? = row["revoked_at"]
        return RegisteredDocument(
            id: row["id"], kind: kind, nir: try NIR(row["nir"]), subject: row["subject"], sealText: row["seal"],
            keyID: row["key_id"], issuedAt: Date(timeIntervalSince1970: row["issued_at"]),
            validFrom: try validFrom.map { try CivilDate(iso: $0) }, validUntil: try validUntil.map { try CivilDate(iso: $0) },
            sha256: row["sha256"], status: status, revokedAt: revokedAt.map(Date.init(timeIntervalSince1970:)),
            revokedReason: row["revoked_reason"])
    }

    public func registeredDocument(id: String) async throws -> RegisteredDocument? {
        try await pool.read { db in try Self.registered(RegisteredDocument.key(id), db) }
    }

    public func registerDocument(_ document: RegisteredDocument) async throws -> RegisteredDocument {
        try await pool.write { db in
            if let existing = try Self.registered(document.key, db) { return existing }
            try Self.insert(document, db)
            return document
        }
    }

    public func revokeDocument(id: String, reason: String, at instant: Date) async throws -> Bool {
        try await pool.write { db in
            let key = RegisteredDocument.key(id)
            guard try Self.registered(key, db) != nil else { return false }
            try db.execute(sql: """
                UPDATE document_register SET status = 'revoked', revoked_at = ?, revoked_reason = ? WHERE id_key = ? AND status = 'valid'
                """, arguments: [instant.timeIntervalSince1970, reason, key])
            return true
        }
    }

    public func recordDocumentDigest(id: String, sha256: String) async throws {
        try await pool.write { db in
            try db.execute(sql: "UPDATE document_register SET sha256 = ? WHERE id_key = ? AND sha256 IS NULL",
                           arguments: [sha256, RegisteredDocument.key(id)])
        }
    }
}
