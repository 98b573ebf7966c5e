// PostgresStore+Register: the register of issued documents (SEAL.md) in PostgreSQL.
public import Foundation
import PostgresNIO
import Records
public import Storage

extension PostgresStore {
    /// Inserts the issued documents and applies the revocations, inside the procedure's transaction.
    func applyRegister(_ changes: HouseholdChanges, nir: NIR, _ connection: PostgresConnection) async throws {
        for document in changes.documents { try await insert(document, connection) }
        for revocation in changes.revocations {
            let (time, reason, owner, subject) = (revocation.at.timeIntervalSince1970, revocation.reason, nir.value, revocation.subject)
            try await connection.query("""
                UPDATE document_register SET status = 'revoked', revoked_at = \(time), revoked_reason = \(reason)
                WHERE nir = \(owner) AND subject = \(subject) AND status = 'valid'
                """, logger: logger)
        }
    }

    private func insert(_ document: RegisteredDocument, _ connection: PostgresConnection) async throws {
        let (key, id, kind, nir) = (document.key, document.id, document.kind.rawValue, document.nir.value)
        let (subject, seal, keyID, issued) = (document.subject, document.sealText, document.keyID, document.issuedAt.timeIntervalSince1970)
        let (from, until, sha, status) = (document.validFrom?.iso, document.validUntil?.iso, document.sha256, document.status.rawValue)
        let (revokedAt, reason) = (document.revokedAt?.timeIntervalSince1970, document.revokedReason)
        try await connection.query("""
            INSERT INTO document_register (id_key, id, kind, nir, subject, seal, key_id, issued_at, valid_from, valid_until, sha256,
                                           status, revoked_at, revoked_reason)
            VALUES (\(key), \(id), \(kind), \(nir), \(subject), \(seal), \(keyID), \(issued), \(from), \(until), \(sha), \(status),
                    \(revokedAt), \(reason))
            """, logger: logger)
    }

    private typealias RegisterRow = (String, String, String, String?, String, String, Double, String?, String?, String?, String, Double?, String?)

    private func registered(_ key: String, _ connection: PostgresConnection) async throws -> RegisteredDocument? {
        let rows = try await collect(connection.query("""
            SELECT id, kind, nir, subject, seal, key_id, issued_at, valid_from, valid_until, sha256, status, revoked_at, revoked_reason
            FROM document_register WHERE id_key = \(key)
            """, logger: logger).decode(RegisterRow.self))
        guard let row = rows.first else { return nil }
        guard let kind = RegisteredDocument.Kind(rawValue: row.1) else { throw StoreError.corruptRow("document_register.kind") }
        guard let status = RegisteredDocument.StoredStatus(rawValue: row.10) else { throw StoreError.corruptRow("document_register.status") }
        // Plain statements rather than a throwing map over the tuple (see servedDocuments: a release-build crash).
        var validFrom: CivilDate?
        if let text = row.7 { validFrom = try CivilDate(iso: text) }
        var validUntil: CivilDate?
        if let text = row.8 { validUntil = try CivilDate(iso: text) }
        return RegisteredDocument(
            id: row.0, kind: kind, nir: try NIR(row.2), subject: row.3, sealText: row.4, keyID: row.5,
            issuedAt: Date(timeIntervalSince1970: row.6), validFrom: validFrom, validUntil: validUntil, sha256: row.9,
            status: status, revokedAt: row.11.map(Date.init(timeIntervalSince1970:)), revokedReason: row.12)
    }

    public func registeredDocument(id: String) async throws -> RegisteredDocument? {
        try await client.withConnection { connection in try await self.registered(RegisteredDocument.key(id), connection) }
    }

    public func registerDocument(_ document: RegisteredDocument) async throws -> RegisteredDocument {
        try await transaction { connection in
            let (key, id, kind, nir) = (document.key, document.id, document.kind.rawValue, document.nir.value)
            // Concurrent first views of the same copy: one insert wins, the others read its row.
            try await connection.query("""
                INSERT INTO document_register (id_key, id, kind, nir, subject, seal, key_id, issued_at, valid_from, valid_until,
                                               sha256, status, revoked_at, revoked_reason)
                VALUES (\(key), \(id), \(kind), \(nir), \(document.subject), \(document.sealText), \(document.keyID),
                        \(document.issuedAt.timeIntervalSince1970), \(document.validFrom?.iso), \(document.validUntil?.iso),
                        \(document.sha256), \(document.status.rawValue), \(document.revokedAt?.timeIntervalSince1970),
                        \(document.revokedReason))
                ON CONFLICT (id_key) DO NOTHING
                """, logger: self.logger)
            guard let stored = try await self.registered(key, connection) else { throw StoreError.corruptRow("document_register") }
            return stored
        }
    }

    public func revokeDocument(id: String, reason: String, at instant: Date) async throws -> Bool {
        let (key, time) = (RegisteredDocument.key(id), instant.timeIntervalSince1970)
        return try await transaction { connection in
            guard try await self.registered(key, connection) != nil else { return false }
            try await connection.query("""
                UPDATE document_register SET status = 'revoked', revoked_at = \(time), revoked_reason = \(reason)
                WHERE id_key = \(key) AND status = 'valid'
                """, logger: self.logger)
            return true
        }
    }

    public func recordDocumentDigest(id: String, sha256: String) async throws {
        let key = RegisteredDocument.key(id)
        try await client.query("UPDATE document_register SET sha256 = \(sha256) WHERE id_key = \(key) AND sha256 IS NULL",
                               logger: logger)
    }
}
