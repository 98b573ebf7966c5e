// SQLiteStore+Outbox: the e-mail notices' queue in the SQLite file.
import Foundation
import GRDB
public import Records
public import Storage
import TeleserviceRules

extension SQLiteStore {
    private static let outboxColumns = "seq, body, status, attempts, next_attempt_at, delivered_at, last_error"

    public func claimNotices(_ claim: NoticeClaim) async throws -> [OutboxNotice] {
        // One IMMEDIATE transaction: SQLite has one writer, so a claim cannot interleave with another.
        try await pool.write { db in
            let now = claim.now.timeIntervalSince1970
            let rows = try Row.fetchAll(db, sql: """
                UPDATE email_notices SET lease_owner = ?, lease_until = ?, attempts = attempts + 1
                WHERE seq IN (SELECT seq FROM email_notices
                              WHERE status = 'pending' AND next_attempt_at <= ? AND (lease_until IS NULL OR lease_until <= ?)
                              ORDER BY seq LIMIT ?)
                RETURNING \(Self.outboxColumns)
                """, arguments: [claim.owner, claim.leaseUntil.timeIntervalSince1970, now, now, claim.limit])
            return try rows.sorted { ($0["seq"] as Int64) < ($1["seq"] as Int64) }.map(Self.outboxNotice)
        }
    }

    public func recordDelivery(of id: Identifier, claimedBy owner: String, outcome: DeliveryOutcome) async throws -> Bool {
        try await pool.write { db in
            switch outcome {
            case .sent(let at):
                try db.execute(sql: """
                    UPDATE email_notices SET status = 'sent', delivered_at = ?, lease_owner = NULL, lease_until = NULL
                    WHERE id = ? AND status = 'pending'
                    """, arguments: [at.timeIntervalSince1970, id.value])
            case .retry(let error, let retryAt):
                try db.execute(sql: """
                    UPDATE email_notices SET next_attempt_at = ?, last_error = ?, lease_owner = NULL, lease_until = NULL
                    WHERE id = ? AND status = 'pending' AND lease_owner = ?
                    """, arguments: [retryAt.timeIntervalSince1970, error, id.value, owner])
            case .failed(let error, _):
                try db.execute(sql: """
                    UPDATE email_notices SET status = 'failed', last_error = ?, lease_owner = NULL, lease_until = NULL
                    WHERE id = ? AND status = 'pending' AND lease_owner = ?
                    """, arguments: [error, id.value, owner])
            }
            return db.changesCount == 1
        }
    }

    public func outbox(status: NoticeStatus?, limit: Int) async throws -> [OutboxNotice] {
        try await pool.read { db in
            let rows = if let status {
                try Row.fetchAll(db, sql: "SELECT \(Self.outboxColumns) FROM email_notices WHERE status = ? ORDER BY seq DESC LIMIT ?",
                                 arguments: [status.rawValue, limit])
            } else {
                try Row.fetchAll(db, sql: "SELECT \(Self.outboxColumns) FROM email_notices ORDER BY seq DESC LIMIT ?", arguments: [limit])
            }
            return try rows.map(Self.outboxNotice)
        }
    }

    public func outboxCounts() async throws -> [NoticeStatus: Int] {
        try await pool.read { db in
            var counts = Dictionary(uniqueKeysWithValues: NoticeStatus.allCases.map { ($0, 0) })
            for row in try Row.fetchAll(db, sql: "SELECT status, count(*) AS n FROM email_notices GROUP BY status") {
                guard let status = NoticeStatus(rawValue: row["status"]) else { throw StoreError.corruptRow("email_notices.status") }
                counts[status] = row["n"]
            }
            return counts
        }
    }

    private static func outboxNotice(_ row: Row) throws -> OutboxNotice {
        guard let status = NoticeStatus(rawValue: row["status"]) else { throw StoreError.corruptRow("email_notices.status") }
        let delivered: Double? = row["delivered_at"]
        return OutboxNotice(notice: try StoredJSON.decode(EmailNotice.self, from: row["body"]), status: status,
                            attempts: row["attempts"], nextAttemptAt: Date(timeIntervalSince1970: row["next_attempt_at"]),
                            deliveredAt: delivered.map(Date.init(timeIntervalSince1970:)), lastError: row["last_error"])
    }
}
