// PostgresStore+Outbox: the e-mail notices' queue in PostgreSQL, shared by every replica.
import Foundation
import PostgresNIO
public import Records
public import Storage
import TeleserviceRules

extension PostgresStore {
    private typealias OutboxRow = (Int64, String, String, Int, Double, Double?, String?)

    public func claimNotices(_ claim: NoticeClaim) async throws -> [OutboxNotice] {
        let (owner, until, now, limit) = (claim.owner, claim.leaseUntil.timeIntervalSince1970, claim.now.timeIntervalSince1970, claim.limit)
        // One statement: the inner SELECT locks the rows it picks and skips rows another replica's claim has locked,
        // so two replicas claiming at the same moment get disjoint sets; the lease then keeps them apart after commit.
        let rows = try await collect(client.query("""
            UPDATE email_notices SET lease_owner = \(owner), lease_until = \(until), attempts = attempts + 1
            WHERE seq IN (SELECT seq FROM email_notices
                          WHERE status = 'pending' AND next_attempt_at <= \(now) AND (lease_until IS NULL OR lease_until <= \(now))
                          ORDER BY seq LIMIT \(limit) FOR UPDATE SKIP LOCKED)
            RETURNING seq, body, status, attempts, next_attempt_at, delivered_at, last_error
            """, logger: logger).decode(OutboxRow.self))
        return try rows.sorted { $0.0 < $1.0 }.map(Self.outboxNotice)
    }

    public func recordDelivery(of id: Identifier, claimedBy owner: String, outcome: DeliveryOutcome) async throws -> Bool {
        let query: PostgresQuery
        switch outcome {
        case .sent(let at):
            query = """
                UPDATE email_notices SET status = 'sent', delivered_at = \(at.timeIntervalSince1970), lease_owner = NULL, lease_until = NULL
                WHERE id = \(id.value) AND status = 'pending' RETURNING seq
                """
        case .retry(let error, let retryAt):
            query = """
                UPDATE email_notices SET next_attempt_at = \(retryAt.timeIntervalSince1970), last_error = \(error),
                    lease_owner = NULL, lease_until = NULL
                WHERE id = \(id.value) AND status = 'pending' AND lease_owner = \(owner) RETURNING seq
                """
        case .failed(let error, _):
            query = """
                UPDATE email_notices SET status = 'failed', last_error = \(error), lease_owner = NULL, lease_until = NULL
                WHERE id = \(id.value) AND status = 'pending' AND lease_owner = \(owner) RETURNING seq
                """
        }
        return try await !collect(client.query(query, logger: logger).decode(Int64.self)).isEmpty
    }

    public func outbox(status: NoticeStatus?, limit: Int) async throws -> [OutboxNotice] {
        let columns = "seq, body, status, attempts, next_attempt_at, delivered_at, last_error"
        let query: PostgresQuery = if let status {
            "SELECT \(unescaped: columns) FROM email_notices WHERE status = \(status.rawValue) ORDER BY seq DESC LIMIT \(limit)"
        } else {
            "SELECT \(unescaped: columns) FROM email_notices ORDER BY seq DESC LIMIT \(limit)"
        }
        return try await collect(client.query(query, logger: logger).decode(OutboxRow.self)).map(Self.outboxNotice)
    }

    public func outboxCounts() async throws -> [NoticeStatus: Int] {
        var counts = Dictionary(uniqueKeysWithValues: NoticeStatus.allCases.map { ($0, 0) })
        let rows = try await collect(client.query("SELECT status, count(*) FROM email_notices GROUP BY status", logger: logger)
            .decode((String, Int).self))
        for (text, count) in rows {
            guard let status = NoticeStatus(rawValue: text) else { throw StoreError.corruptRow("email_notices.status") }
            counts[status] = count
        }
        return counts
    }

    private static func outboxNotice(_ row: OutboxRow) throws -> OutboxNotice {
        let (_, body, statusText, attempts, next, delivered, error) = row
        guard let status = NoticeStatus(rawValue: statusText) else { throw StoreError.corruptRow("email_notices.status") }
        return OutboxNotice(notice: try StoredJSON.decode(EmailNotice.self, from: body), status: status, attempts: attempts,
                            nextAttemptAt: Date(timeIntervalSince1970: next),
                            deliveredAt: delivered.map(Date.init(timeIntervalSince1970:)), lastError: error)
    }
}
