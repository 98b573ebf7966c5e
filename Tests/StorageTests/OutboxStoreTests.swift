// OutboxStoreTests: the e-mail notices' queue on every store — claims lease notices to one owner, a
// lease keeps others off until it ends, outcomes apply only while the lease is held (except "sent", which wins),
// failed is final; and notices written before the outbox existed become pending notices with an id.
import Foundation
import GRDB
import Logging
import PostgresNIO
import Records
import Storage
@testable import StoragePostgres
@testable import StorageSQLite
import TeleserviceRules
import Testing

@Suite struct OutboxStoreTests {
    static func notices(_ count: Int) -> [EmailNotice] {
        (0..<count).map { index in
            EmailNotice(reference: Identifier(stringLiteral: "n\(index)"), to: "a@example.org", subject: "Avis \(index)",
                        body: "Bonjour", sentAt: StoreTests.now)
        }
    }

    @Test func claimsLeaseNoticesAndOutcomesRespectTheLease() async throws {
        try await StoreTests.withStores { (store: any Store, kind: String) async throws in
            _ = try await store.importRecord(StoreTests.record(), at: StoreTests.now)
            _ = try await store.perform(ProcedureRequest(nir: StoreTests.nir)) { _ in
                var changes = HouseholdChanges()
                changes.notices = Self.notices(3)
                return ProcedureCommit(changes: changes, value: 0)
            }
            let now = StoreTests.now
            func claim(_ owner: String, at instant: Date, limit: Int = 10, lease: TimeInterval = 10) async throws -> [String] {
                try await store.claimNotices(NoticeClaim(owner: owner, now: instant, leaseUntil: instant + lease, limit: limit)).map(\.id.value)
            }
            // Oldest first, within the limit; the rest to the next claimant; nothing left while the leases run.
            #expect(try await claim("a", at: now, limit: 2) == ["n0", "n1"], "\(kind)")
            #expect(try await claim("b", at: now, lease: 100) == ["n2"], "\(kind)")
            #expect(try await claim("c", at: now + 9) == [], "\(kind)")

            // Only the lease holder may put a notice back or fail it.
            #expect(try await store.recordDelivery(of: "n0", claimedBy: "b", outcome: .retry(error: "451", retryAt: now + 60)) == false, "\(kind)")
            #expect(try await store.recordDelivery(of: "n0", claimedBy: "a", outcome: .retry(error: "451 later", retryAt: now + 60)), "\(kind)")
            // n1's lease (a) has ended: c takes it over; n0 is not due before its retry time; n2's lease (b) still runs.
            let retaken = try await store.claimNotices(NoticeClaim(owner: "c", now: now + 30, leaseUntil: now + 40, limit: 10))
            #expect(retaken.map(\.id.value) == ["n1"], "\(kind)")
            #expect(retaken.first?.attempts == 2, "\(kind)")
            // The first holder's relay accepted it after all: "sent" wins; c's later outcome changes nothing.
            #expect(try await store.recordDelivery(of: "n1", claimedBy: "a", outcome: .sent(at: now + 31)), "\(kind)")
            #expect(try await store.recordDelivery(of: "n1", claimedBy: "c", outcome: .retry(error: "x", retryAt: now + 90)) == false, "\(kind)")
            #expect(try await store.recordDelivery(of: "n2", claimedBy: "b", outcome: .failed(error: "550 no such user", at: now + 5)), "\(kind)")
            #expect(try await store.recordDelivery(of: "n2", claimedBy: "b", outcome: .sent(at: now + 6)) == false, "failed is final, \(kind)")
            #expect(try await claim("d", at: now + 3600) == ["n0"], "\(kind)")

            #expect(try await store.outboxCounts() == [.pending: 1, .sent: 1, .failed: 1], "\(kind)")
            let failed = try await store.outbox(status: .failed, limit: 10)
            #expect(failed.map(\.id.value) == ["n2"] && failed.first?.lastError == "550 no such user" && failed.first?.attempts == 1, "\(kind)")
            let sent = try #require(try await store.outbox(status: .sent, limit: 10).first, "\(kind)")
            #expect(sent.deliveredAt == now + 31 && sent.notice == Self.notices(3)[1], "\(kind)")
            #expect(try await store.outbox(status: nil, limit: 2).map(\.id.value) == ["n2", "n1"], "newest first, \(kind)")
            let pending = try #require(try await store.outbox(status: .pending, limit: 10).first, "\(kind)")
            #expect(pending.attempts == 2 && pending.lastError == "451 later" && pending.nextAttemptAt == now + 60, "\(kind)")
        }
    }

    /// A database written before the outbox: its notices get ids and stay pending (nobody was ever told).
    @Test func sqliteNoticesFromBeforeTheOutboxBecomePending() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("ameli-outbox-\(UUID().uuidString).sqlite").path
        let store = try SQLiteStore(path: path)
        try SQLiteSchema.migrator.migrate(store.pool, upTo: "v3-served-once")
        try await store.pool.write { db in
            try db.execute(sql: "INSERT INTO insured (nir, record, updated_at) VALUES (?, ?, 0)",
                           arguments: [StoreTests.nir.value, try StoredJSON.encode(StoreTests.record())])
            try db.execute(sql: "INSERT INTO email_notices (nir, sent_at, body) VALUES (?, 0, ?)",
                           arguments: [StoreTests.nir.value, #"{"body":"Bonjour","sentAt":0,"subject":"Ancien avis","to":"a@example.org"}"#])
        }
        try await store.migrate()
        let old = try await store.outbox(status: .pending, limit: 10)
        #expect(old.map(\.id.value) == ["notice-1"])
        #expect(old.first?.notice.subject == "Ancien avis" && old.first?.attempts == 0)
        #expect(try await store.claimNotices(NoticeClaim(owner: "a", now: Date(), leaseUntil: Date() + 10, limit: 5)).count == 1)
    }

    @Test(.enabled(if: StoreTests.postgresURL != nil || ProcessInfo.processInfo.environment["CI"] != nil,
                   "AMELI_DOCS_TEST_POSTGRES_URL is not set: run under Scripts/with-postgres.sh"))
    func postgresNoticesFromBeforeTheOutboxBecomePending() async throws {
        let postgres = try await StoreTests.freshPostgres()
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await postgres.run() }
            // The schema as it was at v3, by hand, then the real migration on top.
            try await postgres.transaction { connection in
                try await connection.query("CREATE TABLE schema_migrations (id text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())",
                                           logger: postgres.logger)
                for migration in PostgresSchema.migrations.prefix(while: { $0.id != "v4-outbox" }) {
                    for statement in migration.statements { try await connection.query(PostgresQuery(unsafeSQL: statement), logger: postgres.logger) }
                    try await connection.query("INSERT INTO schema_migrations (id) VALUES (\(migration.id))", logger: postgres.logger)
                }
                let (nir, record) = (StoreTests.nir.value, try StoredJSON.encode(StoreTests.record()))
                try await connection.query("INSERT INTO insured (nir, record, updated_at) VALUES (\(nir), \(record), 0)", logger: postgres.logger)
                let body = #"{"body":"Bonjour","sentAt":0,"subject":"Ancien avis","to":"a@example.org"}"#
                try await connection.query("INSERT INTO email_notices (nir, sent_at, body) VALUES (\(nir), 0, \(body))", logger: postgres.logger)
            }
            try await postgres.migrate()
            let old = try await postgres.outbox(status: .pending, limit: 10)
            #expect(old.map(\.id.value) == ["notice-1"])
            #expect(old.first?.notice.subject == "Ancien avis" && old.first?.attempts == 0)
            group.cancelAll()
        }
    }
}
