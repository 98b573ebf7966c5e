// OperationsTests: /health checks the database, /metrics counts requests and renders, logs mask personal data.
import Foundation
import HTTPService
import Procedures
import HTTPEdge
import HTTPTypes
import HummingbirdTesting
import Records
import Storage
import TeleserviceRules
import Testing

@Suite struct OperationsTests {
    @Test func healthAnswersWithTheDatabase() async throws {
        try await withService { app in
            let health = try await app.send(.get, "/health", token: nil)
            #expect(health.status == .ok)
            #expect(health.object["database"] as? String == "ok")
        }
    }

    @Test func healthIs503WhenTheDatabaseFails() async throws {
        let store = FailingStore()
        let clock = TestClock()
        let app = try await buildApplication(configuration: ServiceConfiguration(jwtSecret: Fixtures.secret), clock: { clock.now },
                                             store: store, renderer: EchoRenderer(), seals: Fixtures.seals)
        try await app.test(.router) { client in
            let health = try await client.executeRequest(uri: "/health", method: .get, headers: [:], body: nil)
            #expect(health.status == .serviceUnavailable)
            #expect(health.problemCode == "unavailable")
        }
    }

    @Test func metricsCountRequestsByRouteAndStatusAndDocumentsByKind() async throws {
        try await withService { app in
            try await app.send(.get, "/v1/beneficiaries")
            try await app.send(.get, "/v1/beneficiaries/lea/card.png")
            try await app.send(.get, "/v1/beneficiaries/hugo/card.png")
            let admin = try await app.token(admin: true)
            let metrics = try await app.send(.get, "/metrics", token: admin)
            #expect(metrics.status == .ok)
            #expect(metrics.headers[.contentType]?.hasPrefix("text/plain") == true)
            let text = metrics.text
            #expect(text.contains(#"http_requests_total{route="/v1/beneficiaries",method="GET",status="200"} 1"#))
            #expect(text.contains(#"http_requests_total{route="/v1/beneficiaries/{id}/card.png",method="GET",status="409"} 1"#))
            #expect(text.contains(#"documents_rendered_total{kind="card",format="png"} 1"#))
            #expect(text.contains("document_render_duration_seconds_bucket"))
            #expect(text.contains("http_request_duration_seconds_bucket"))
            // Route patterns only: no NIR, no beneficiary id from a path.
            #expect(!text.contains(Fixtures.martinNIR.value))
        }
    }

    @Test func metricsAreForAdminsOnly() async throws {
        try await withService { app in
            #expect(try await app.send(.get, "/metrics", token: nil).status == .unauthorized)
            let (user, admin) = (try await app.token(), try await app.token(admin: true))
            #expect(try await app.send(.get, "/metrics", token: user).status == .forbidden)
            #expect(try await app.send(.get, "/metrics", token: admin).status == .ok)
        }
    }

    @Test func anInternalErrorIs500WithARequestID() async throws {
        let store = FailingStore()
        let clock = TestClock()
        let app = try await buildApplication(configuration: ServiceConfiguration(jwtSecret: Fixtures.secret), clock: { clock.now },
                                             store: store, renderer: EchoRenderer(), seals: Fixtures.seals)
        let token = try await AccessTokens(secret: Fixtures.secret).sign(nir: Fixtures.martinNIR, issuedAt: clock.now, expiresAt: clock.now.addingTimeInterval(60))
        try await app.test(.router) { client in
            let answer = try await client.executeRequest(uri: "/v1/inbox", method: .get, headers: [.authorization: "Bearer \(token)"], body: nil)
            #expect(answer.status == .internalServerError)
            #expect(answer.problemCode == "internal-error")
            let id = try #require(answer.object["requestId"] as? String)
            #expect(answer.headers[HTTPField.Name("X-Request-ID")!] == id)
            #expect(!(answer.object["detail"] as? String ?? "").contains("disk"))
        }
    }
}

/// A store whose database is down.
struct FailingStore: Store {
    struct Down: Error, CustomStringConvertible { var description: String { "disk I/O error for 185037512000696 marc.martin@example.org" } }
    func migrate() async throws { throw Down() }
    func checkHealth() async throws { throw Down() }
    func importRecords(_ records: [InsuredRecord], at instant: Date) async throws -> [ImportResult] { throw Down() }
    func household(of nir: NIR) async throws -> Household? { throw Down() }
    func perform<Value: Sendable>(_ request: ProcedureRequest, _ decide: @Sendable (ProcedureContext) throws -> ProcedureCommit<Value>) async throws -> ProcedureResult<Value> { throw Down() }
    func owner(ofOrder id: Identifier) async throws -> NIR? { throw Down() }
    func inbox(of nir: NIR) async throws -> [InboxMessage] { throw Down() }
    func message(_ id: Identifier, of nir: NIR) async throws -> InboxMessage? { throw Down() }
    func procedures(of nir: NIR) async throws -> [ProcedureEntry] { throw Down() }
    func notices(of nir: NIR) async throws -> [EmailNotice] { throw Down() }
    func certificate(_ id: Identifier, of nir: NIR) async throws -> StoredCertificate? { throw Down() }
    func proxyConfirmation(_ id: Identifier, of nir: NIR) async throws -> ProxyConfirmation? { throw Down() }
    func leaseCertificateDownload(_ id: Identifier, of nir: NIR, lease: DownloadLease) async throws -> CertificateLeaseOutcome { throw Down() }
    func completeCertificateDownload(_ id: Identifier, token: String, served: ServedDocument) async throws -> Bool { throw Down() }
    func releaseCertificateDownload(_ id: Identifier, of nir: NIR, token: String) async throws { throw Down() }
    func recordServedDocument(_ document: ServedDocument) async throws { throw Down() }
    func servedDocuments(of nir: NIR) async throws -> [ServedDocument] { throw Down() }
    func registeredDocument(id: String) async throws -> RegisteredDocument? { throw Down() }
    func registerDocument(_ document: RegisteredDocument) async throws -> RegisteredDocument { throw Down() }
    func revokeDocument(id: String, reason: String, at instant: Date) async throws -> Bool { throw Down() }
    func recordDocumentDigest(id: String, sha256: String) async throws { throw Down() }
    func claimNotices(_ claim: NoticeClaim) async throws -> [OutboxNotice] { throw Down() }
    func recordDelivery(of id: Identifier, claimedBy owner: String, outcome: DeliveryOutcome) async throws -> Bool { throw Down() }
    func outbox(status: NoticeStatus?, limit: Int) async throws -> [OutboxNotice] { throw Down() }
    func outboxCounts() async throws -> [NoticeStatus: Int] { throw Down() }
}
