// NoticeDeliveryTests: the outbox of e-mail notices delivered through a real relay (aiosmtpd) — each
// accepted seed procedure's notice arrives once with the right headers and text and nothing personal; a relay that
// is down is retried and delivered to when it is back; a relay answering 5xx fails the notice at once (4xx is retried
// up to the cap), which the admin route and /metrics show; two replicas on one PostgreSQL database deliver each notice once.
import Foundation
import HTTPService
import Procedures
import HTTPEdge
import HTTPTypes
import HummingbirdTesting
import Logging
import MailMessage
import MailTestSupport
import NoticeDelivery
import Records
import SMTPClient
import Storage
import StoragePostgres
import TeleserviceRules
import Testing

enum NoticeScenarios {
    /// What Python's email package makes of a received message (Scripts/oracles/parse_message.py).
    struct Decoded: Decodable {
        let subject, from_name, from_address, to, message_id, date, content_type, text, html: String
        let part_types, defects: [String]
    }

    static func decode(_ relay: OracleRelay, message number: Int) throws -> Decoded {
        let path = relay.spool.appendingPathComponent(String(format: "%04d.eml", number)).path
        return try JSONDecoder().decode(Decoded.self, from: Oracle.run("parse_message.py", [path]))
    }

    /// A delivery service on the test's store and clock, sending to `relay`.
    static func delivery(_ app: TestHarness, relay url: String, policy: DeliveryPolicy = DeliveryPolicy(),
                         metrics: ServiceMetrics? = nil, owner: String = "test-replica") throws -> NoticeDeliveryService {
        var logger = Logger(label: "test.notices")
        logger.logLevel = .critical
        let clock = app.clock
        return NoticeDeliveryService(store: app.store, client: try SMTPClient(relay: SMTPRelay(url: url)), policy: policy, owner: owner,
                                     clock: { clock.now }, metrics: metrics?.factory, logger: logger)
    }

    /// The seeds' accepted procedures: an order with departure (certificate), an early renewal, a theft then an
    /// order, a proxy then its revocation — seven acknowledgements, so seven notices.
    static func runSeedProcedures(_ app: TestHarness) async throws {
        let requests: [(String, String, String?)] = [
            ("POST", "/v1/beneficiaries/hugo/card-orders", #"{"departureWithin15Days":true}"#),
            ("POST", "/v1/beneficiaries/lea/card-orders", #"{"departureWithin15Days":false}"#),
            ("POST", "/v1/beneficiaries/marc/loss-declarations", #"{"kind":"theft","date":"2026-03-13","sworn":true}"#),
            ("POST", "/v1/beneficiaries/marc/card-orders", #"{"departureWithin15Days":false}"#),
            ("POST", "/v1/proxy", #"{"civility":"Mme","lastName":"DURAND","firstName":"Claire","birthDate":"1990-05-04","certified":true}"#),
            ("DELETE", "/v1/proxy", nil),
        ]
        for (method, path, body) in requests {
            let answer = try await app.send(method == "POST" ? .post : .delete, path, json: body)
            #expect(answer.status.code < 300, "\(method) \(path): \(answer.status) \(answer.text)")
        }
    }

    static func eachSeedProcedureSendsOneNotice(_ database: TestDatabase) async throws {
        let relay = try OracleRelay()
        defer { relay.stop() }
        try await withService(database) { app in
            try await runSeedProcedures(app)
            let references = try await app.send(.get, "/v1/inbox").array.compactMap { $0["id"] as? String }
            #expect(references.count == 6)
            let delivery = try delivery(app, relay: relay.url)
            #expect(try await delivery.deliverDue() == .init(claimed: 6, sent: 6, retried: 0, failed: 0))
            // Sent notices are not sent again.
            #expect(try await delivery.deliverDue().claimed == 0)

            let received = try relay.received()
            try #require(received.count == 6)
            var messageIDs = Set<String>()
            for (index, message) in received.enumerated() {
                #expect(message.mail_from == "ne-pas-repondre@assurance-maladie.fr")
                #expect(message.rcpt_tos == ["marc.martin@example.org"])
                let decoded = try decode(relay, message: index + 1)
                #expect(decoded.defects == [])
                #expect(decoded.subject == "Un nouveau document est disponible sur votre compte ameli")
                #expect(decoded.from_name == "L'Assurance Maladie")
                #expect(decoded.from_address == "ne-pas-repondre@assurance-maladie.fr")
                #expect(decoded.to == "marc.martin@example.org")
                // The notice's own instant (the procedure's), in Paris time.
                #expect(decoded.date == "Sat, 14 Mar 2026 10:00:00 +0100")
                #expect(decoded.content_type == "multipart/alternative")
                #expect(decoded.part_types == ["text/plain", "text/html"])
                #expect(decoded.text.hasPrefix("Bonjour,\n\nUn document important a été déposé dans la messagerie de votre compte ameli."))
                #expect(decoded.text.contains("Pour consulter votre messagerie : https://assure.ameli.fr\n\nL'Assurance Maladie"))
                #expect(decoded.html.contains(#"<a href="https://assure.ameli.fr">accéder à ma messagerie</a>"#))
                #expect(decoded.html.contains(#"<html lang="fr">"#))
                // Nothing that identifies the insured or a card: the document stays behind the sign-in.
                let everything = String(decoding: message.raw, as: UTF8.self) + decoded.text + decoded.html
                for secret in ["185037512000696", "1850375120006", "215037512001275", "118069205003394", "8025001751",
                               "MARTIN", "Hugo", "Léa", "DURAND", "CPR-", "application/pdf"] {
                    #expect(!everything.contains(secret), "\(secret)")
                }
                messageIDs.insert(decoded.message_id)
            }
            // One message per procedure, identified by the procedure's reference.
            #expect(messageIDs == Set(references.map { "<avis-\($0)@assurance-maladie.fr>" }))

            let admin = try await app.token(admin: true)
            let sent = try await app.send(.get, "/v1/admin/notices?status=sent", token: admin)
            #expect(sent.status == .ok)
            #expect(Set(sent.array.compactMap { $0["id"] as? String }) == Set(references))
            #expect(sent.array.allSatisfy {
                $0["status"] as? String == "sent" && $0["attempts"] as? Int == 1 && $0["deliveredAt"] != nil && $0["nextAttemptAt"] == nil
                    && $0["to"] as? String == "marc.martin@example.org"
            })
            #expect(try await app.send(.get, "/v1/admin/notices?status=pending", token: admin).array.isEmpty)
        }
    }
}

@Suite struct NoticeDeliveryTests {
    @Test func R_ACK_eachSeedProcedureSendsOneNoticeOnSQLite() async throws {
        try await NoticeScenarios.eachSeedProcedureSendsOneNotice(.sqlite)
    }

    @Test func relayDownIsRetriedWithBackoffThenDelivered() async throws {
        // A port where nothing listens any more: a relay started, then stopped.
        let gone = try OracleRelay()
        let (port, spool) = (gone.port, gone.spool)
        gone.stop(keepSpool: true)
        try await withService(.sqlite) { app in
            #expect(try await app.send(.post, "/v1/beneficiaries/hugo/card-orders", json: #"{"departureWithin15Days":true}"#).status == .created)
            let delivery = try NoticeScenarios.delivery(app, relay: "smtp://127.0.0.1:\(port)", policy: DeliveryPolicy(firstRetryDelay: .seconds(30)))
            #expect(try await delivery.deliverDue() == .init(claimed: 1, sent: 0, retried: 1, failed: 0))

            let admin = try await app.token(admin: true)
            let pending = try await app.send(.get, "/v1/admin/notices?status=pending", token: admin).array
            try #require(pending.count == 1)
            #expect(pending[0]["attempts"] as? Int == 1)
            #expect((pending[0]["lastError"] as? String ?? "").contains("connection"), "\(pending[0])")
            #expect(pending[0]["nextAttemptAt"] as? String == "2026-03-14T09:00:30Z")
            // Not due yet: the next round leaves it alone.
            #expect(try await delivery.deliverDue().claimed == 0)

            let relay = try OracleRelay(port: port, spool: spool)
            defer { relay.stop() }
            app.clock.set(TestClock.start.addingTimeInterval(31))
            #expect(try await delivery.deliverDue() == .init(claimed: 1, sent: 1, retried: 0, failed: 0))
            #expect(try relay.received().count == 1)
            let sent = try await app.send(.get, "/v1/admin/notices?status=sent", token: admin).array
            #expect(sent.first?["attempts"] as? Int == 2)
        }
    }

    /// RFC 5321 §4.2.1: 5yz is permanent. The notice fails on its first attempt, and is never tried again.
    @Test(arguments: ["rcpt", "data"])
    func relayAnswering5xxFailsTheNoticeAtOnce(_ stage: String) async throws {
        let relay = try OracleRelay(["--fail-with", "550", "--fail-at", stage])
        defer { relay.stop() }
        let metrics = ServiceMetrics()
        try await withService(.sqlite, metrics: metrics) { app in
            #expect(try await app.send(.post, "/v1/beneficiaries/hugo/card-orders", json: #"{"departureWithin15Days":false}"#).status == .created)
            let policy = DeliveryPolicy(maxAttempts: 3, firstRetryDelay: .seconds(60))
            let delivery = try NoticeScenarios.delivery(app, relay: relay.url, policy: policy, metrics: metrics)
            #expect(try await delivery.deliverDue() == .init(claimed: 1, sent: 0, retried: 0, failed: 1))
            // Failed is final.
            app.clock.set(TestClock.start.addingTimeInterval(86_400))
            #expect(try await delivery.deliverDue().claimed == 0)
            #expect(try relay.received().isEmpty)

            let admin = try await app.token(admin: true)
            let failed = try await app.send(.get, "/v1/admin/notices?status=failed", token: admin).array
            try #require(failed.count == 1)
            #expect(failed[0]["attempts"] as? Int == 1)
            #expect((failed[0]["lastError"] as? String ?? "").contains("550"), "\(failed[0])")
            let exposition = try await app.send(.get, "/metrics", token: admin).text
            #expect(exposition.contains(#"email_notices{status="failed"} 1"#), "\(exposition)")
            #expect(exposition.contains(#"email_notices{status="pending"} 0"#))
            #expect(exposition.contains(#"email_notice_attempts_total{outcome="failed"} 1"#))
            #expect(!exposition.contains(#"email_notice_attempts_total{outcome="retry"}"#))
        }
    }

    /// 4yz is transient: retried with backoff (60 s, then 120 s) until the cap, then failed.
    @Test func relayAnswering4xxIsRetriedUntilTheCap() async throws {
        let relay = try OracleRelay(["--fail-with", "451", "--fail-at", "rcpt"])
        defer { relay.stop() }
        try await withService(.sqlite) { app in
            #expect(try await app.send(.post, "/v1/beneficiaries/hugo/card-orders", json: #"{"departureWithin15Days":false}"#).status == .created)
            let policy = DeliveryPolicy(maxAttempts: 3, firstRetryDelay: .seconds(60))
            let delivery = try NoticeScenarios.delivery(app, relay: relay.url, policy: policy)
            #expect(try await delivery.deliverDue() == .init(claimed: 1, sent: 0, retried: 1, failed: 0))
            app.clock.set(TestClock.start.addingTimeInterval(60))
            #expect(try await delivery.deliverDue() == .init(claimed: 1, sent: 0, retried: 1, failed: 0))
            app.clock.set(TestClock.start.addingTimeInterval(60 + 119))
            #expect(try await delivery.deliverDue().claimed == 0)
            app.clock.set(TestClock.start.addingTimeInterval(60 + 120))
            #expect(try await delivery.deliverDue() == .init(claimed: 1, sent: 0, retried: 0, failed: 1))
            let failed = try await app.send(.get, "/v1/admin/notices?status=failed", token: try await app.token(admin: true)).array
            try #require(failed.count == 1)
            #expect(failed[0]["attempts"] as? Int == 3)
            #expect((failed[0]["lastError"] as? String ?? "").contains("451"), "\(failed[0])")
        }
    }

    @Test func adminRouteRefusesBadFiltersAndNonAdmins() async throws {
        try await withService(.sqlite) { app in
            let admin = try await app.token(admin: true)
            for query in ["status=lost", "limit=0", "limit=1001", "limit=many"] {
                let answer = try await app.send(.get, "/v1/admin/notices?\(query)", token: admin)
                #expect(answer.status == .unprocessableContent, "\(query)")
                #expect(answer.problemCode == "invalid-field", "\(query)")
                #expect((answer.object["detail"] as? String ?? "").contains("pending, sent ou failed"), "\(query)")
            }
            #expect(try await app.send(.get, "/v1/admin/notices").status == .forbidden)
            #expect(try await app.send(.get, "/v1/admin/notices", token: nil).status == .unauthorized)
            #expect(try await app.send(.get, "/v1/admin/notices?limit=1000", token: admin).array.isEmpty)
        }
    }
}

/// Two replicas of the delivery service, each with its own connection pool to one PostgreSQL database, drain one
/// outbox at the same time: every notice reaches the relay exactly once.
@Suite(.enabled(if: TestDatabase.postgresAvailable || TestDatabase.underCI,
                "AMELI_DOCS_TEST_POSTGRES_URL is not set: run under Scripts/with-postgres.sh"))
struct PostgresNoticeDeliveryTests {
    @Test func R_ACK_eachSeedProcedureSendsOneNoticeOnPostgres() async throws {
        try await NoticeScenarios.eachSeedProcedureSendsOneNotice(.postgres)
    }

    @Test func twoReplicasDeliverEachNoticeOnce() async throws {
        let url = try await PostgresTestDatabase.create()
        var logger = Logger(label: "test.postgres")
        logger.logLevel = .error
        let (first, second) = (try PostgresStore(url: url, logger: logger), try PostgresStore(url: url, logger: logger))
        let relay = try OracleRelay()
        defer { relay.stop() }
        let count = 60
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await first.run() }
            group.addTask { try await second.run() }
            try await first.migrate()
            let now = TestClock.start
            _ = try await first.importRecord(Fixtures.martin(), at: now)
            _ = try await first.perform(ProcedureRequest(nir: Fixtures.martinNIR)) { _ in
                var changes = HouseholdChanges()
                changes.notices = try (0..<count).map { index in
                    EmailNotice(reference: try Identifier("notice-\(index)"), to: "marc.martin@example.org",
                                subject: "Avis \(index)", body: "Bonjour,\n\nAvis \(index).\n\nL'Assurance Maladie", sentAt: now)
                }
                return ProcedureCommit(changes: changes, value: 0)
            }
            // Small batches, so that the replicas' claims interleave many times.
            let policy = DeliveryPolicy(batchSize: 3, concurrency: 3)
            let client = try SMTPClient(relay: SMTPRelay(url: relay.url))
            var quiet = Logger(label: "test.notices")
            quiet.logLevel = .critical
            let replicas = [(first, "replica-a"), (second, "replica-b")].map { store, owner in
                NoticeDeliveryService(store: store, client: client, policy: policy, owner: owner, clock: { now }, logger: quiet)
            }
            let sent = try await withThrowingTaskGroup(of: Int.self) { drains in
                for replica in replicas {
                    drains.addTask {
                        var total = 0
                        while true {
                            let round = try await replica.deliverDue()
                            total += round.sent
                            if round.claimed == 0 { return total }
                        }
                    }
                }
                return try await drains.reduce(0, +)
            }
            #expect(sent == count)
            let received = try relay.received()
            #expect(received.count == count)
            let ids = try (1...received.count).map { try NoticeScenarios.decode(relay, message: $0).message_id }
            #expect(Set(ids) == Set((0..<count).map { "<avis-notice-\($0)@assurance-maladie.fr>" }))
            #expect(try await first.outboxCounts() == [.pending: 0, .sent: count, .failed: 0])
            group.cancelAll()
        }
    }
}
