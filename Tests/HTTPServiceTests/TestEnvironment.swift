// TestEnvironment: the service under test — a real store (SQLite file or PostgreSQL database), a fixed clock,
// the demo-like households — and a client that speaks JSON with tokens.
import DisplayList
import DocumentPipeline
import Documents
import Foundation
import HTTPService
import Procedures
import HTTPEdge
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import NIOCore
import PostgresNIO
import Records
import Seal
import ServiceLifecycle
import Storage
import StoragePostgres
import StorageSQLite
import Synchronization
import Testing
import TeleserviceRules

/// Which database a test runs on. PostgreSQL only when `AMELI_DOCS_TEST_POSTGRES_URL` is set
/// (Scripts/with-postgres.sh sets it); suites that need it are `.enabled(if: TestDatabase.postgresAvailable)`.
enum TestDatabase: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case sqlite, postgres

    static var postgresURL: String? { ProcessInfo.processInfo.environment["AMELI_DOCS_TEST_POSTGRES_URL"].flatMap { $0.isEmpty ? nil : $0 } }
    static var postgresAvailable: Bool { postgresURL != nil }
    /// CI sets CI=true: there, a test that needs PostgreSQL and finds no server fails rather than skips.
    static var underCI: Bool { ProcessInfo.processInfo.environment["CI"] != nil }
    var testDescription: String { rawValue }
}

/// A clock the test moves by hand. Starts on 14 March 2026, 10:00 in Paris.
final class TestClock: Sendable {
    static let start = Date(timeIntervalSince1970: 1_773_478_800)   // 2026-03-14T09:00:00Z
    private let current = Mutex(TestClock.start)

    var now: Date { current.withLock { $0 } }
    var today: CivilDate { CivilDate(now) }
    func advance(days: Int) { current.withLock { $0 = $0.addingTimeInterval(TimeInterval(days) * 86_400) } }
    func set(_ date: Date) { current.withLock { $0 = date } }
}

/// Deterministic stand-in bytes for HTTP behaviour tests: a PDF or PNG signature followed by the document's JSON,
/// so a test can see which record was rendered. The end-to-end suite uses the real pipeline.
struct EchoRenderer: DocumentRendering {
    var contentVersion: String { "echo-1" }

    func render(_ document: DocumentRecord, seal: DocumentSeal?, format: OutputFormat, dpi: Double) throws -> [UInt8] {
        let json: String
        switch document {
        case .certificate(let c): json = try StoredJSON.encode(c)
        case .card(let c): json = try StoredJSON.encode(c)
        case .acknowledgement(let a): json = try StoredJSON.encode(a)
        case .proxyConfirmation(let p): json = try StoredJSON.encode(p)
        }
        let header = format == .pdf ? "%PDF-1.4\n" : "\u{89}PNG\r\n\u{1A}\n"
        return Array((header + "dpi=\(Int(dpi))\nseal=\(seal?.documentID ?? "none")\n" + json).utf8)
    }

    /// One paragraph holding the record's JSON, under the document kind as title: enough for the pages' twins.
    func describe(_ document: DocumentRecord, seal: DocumentSeal?) throws -> DocumentDescription {
        let json = String(decoding: try document.encoded(), as: UTF8.self)
        return DocumentDescription(
            kind: document.kind, pageSize: Size(width: 595, height: 842), background: .white, contentBottom: 800,
            info: DocumentInfo(title: "Echo \(document.kind.rawValue)", author: "test", creationSeconds: 0, creationOffsetMinutes: 60),
            blocks: [.text(TextBlock(source: SourceLocation(file: "echo", line: 1), x: 0, y: .absolute(10), width: nil,
                                     style: TextStyle(font: FontID("sans"), size: 10), text: json))])
    }
}

enum Fixtures {
    static let secret = "test-secret-test-secret-test-secret-0123456789"
    /// One signing key per test process (generated, never stored), with the id the tests' seals carry, certified by
    /// a throw-away authority FRAM as SEAL.md profile v2 asks. Valid from 2020 for ten years: the tests' clock
    /// (2026-03-14 and after) signs seals inside that period; a seal signed outside it is invalid (SealCertificatesTests).
    static let seals: SealIssuer = {
        let pem = SealSigner.generatePrivateKeyPEM()
        let since2020 = Date(timeIntervalSince1970: 1_577_836_800)
        let authority = try! SealCertificates.makeAuthority(caID: "FRAM", validFrom: since2020, years: 20)
        return try! SealIssuer(
            signer: SealSigner(privateKeyPEM: pem, certificateID: "TEST", authority: "AM"),
            certificatePEM: SealCertificates.issue(signingKeyPEM: pem, keyID: "TEST", caKeyPEM: authority.keyPEM,
                                                   caCertificatePEM: authority.certificatePEM, validFrom: since2020, years: 10),
            issuerCertificatePEM: authority.certificatePEM)
    }()
    static let martinNIR = try! NIR("185037512000696")
    static let duboisNIR = try! NIR("255081416802538")
    static let institution = try! Institution(id: "0175", acronym: "CPAM PARIS", name: "CPAM de Paris",
                                              address: "21 rue Georges Auric, 75948 Paris Cedex 19", phone: "3646")

    /// Marc (card active until 2027-09-10, renewal from 2027-07-10), Léa (card expiring 2026-04-20, renewal open),
    /// Hugo (no card). Variants change the insured's situation for the rules that look at it.
    static func martin(address: AddressStatus = .ok, rights: RightsStatus = .open, marcLosses: [LossDeclaration] = []) -> InsuredRecord {
        try! InsuredRecord(
            nir: martinNIR, email: "marc.martin@example.org", addressStatus: address, rights: rights, institution: institution,
            beneficiaries: [
                try Beneficiary(id: "marc", nir: martinNIR, lastName: PersonName("MARTIN"), givenNames: PersonName("Marc"),
                                birthDate: CivilDate(iso: "1985-03-14"),
                                cards: [Card(number: CardNumber("80250017510000000101"), issueDate: CivilDate(iso: "2025-09-10"))],
                                lossDeclarations: marcLosses),
                try Beneficiary(id: "lea", nir: NIR("215037512001275"), lastName: PersonName("MARTIN"), givenNames: PersonName("Léa"),
                                birthDate: CivilDate(iso: "2015-03-02"),
                                cards: [Card(number: CardNumber("80250017510000000102"), issueDate: CivilDate(iso: "2024-04-20"))]),
                try Beneficiary(id: "hugo", nir: NIR("118069205003394"), lastName: PersonName("MARTIN"), givenNames: PersonName("Hugo"),
                                birthDate: CivilDate(iso: "2018-06-21")),
            ])
    }

    /// Another household, to prove that its ids answer 404 to the Martins.
    static func dubois() -> InsuredRecord {
        try! InsuredRecord(
            nir: duboisNIR, email: "eva.dubois@example.org", addressStatus: .ok, rights: .open, institution: institution,
            beneficiaries: [
                try Beneficiary(id: "eva", nir: duboisNIR, lastName: PersonName("DUBOIS"), givenNames: PersonName("Eva"),
                                birthDate: CivilDate(iso: "1955-08-14"),
                                cards: [Card(number: CardNumber("80250017510000000201"), issueDate: CivilDate(iso: "2025-01-10"))]),
                // A child without a NIR of her own: identified by the insured's NIR and a rank.
                try Beneficiary(id: "zoe", nir: nil, rank: 1, lastName: PersonName("DUBOIS"), givenNames: PersonName("Zoé"),
                                birthDate: CivilDate(iso: "2019-09-01")),
            ])
    }
}

/// A fresh database for one test: a new SQLite file in a temporary directory, or a new PostgreSQL database.
struct TestStore: Sendable {
    enum Location: Sendable { case sqlite(path: String), postgres(url: String) }

    let store: any Store
    let services: [any Service]
    let location: Location

    static func make(_ database: TestDatabase) async throws -> TestStore {
        switch database {
        case .sqlite:
            let dir = FileManager.default.temporaryDirectory.appendingPathComponent("ameli-docs-tests-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            return try open(.sqlite(path: dir.appendingPathComponent("test.sqlite").path))
        case .postgres:
            return try open(.postgres(url: try await PostgresTestDatabase.create()))
        }
    }

    /// Another replica's store: its own connections to the same database.
    func replica() throws -> TestStore { try Self.open(location) }

    private static func open(_ location: Location) throws -> TestStore {
        switch location {
        case .sqlite(let path):
            return TestStore(store: try SQLiteStore(path: path), services: [], location: location)
        case .postgres(let url):
            // Quiet: the pool warns when a query waits for `run()`, which the test harness starts concurrently.
            var logger = Logger(label: "test.postgres")
            logger.logLevel = .error
            let store = try PostgresStore(url: url, logger: logger)
            return TestStore(store: store, services: [store], location: location)
        }
    }
}

/// The error of a PostgreSQL test run without a server (under CI, where it must not be skipped).
struct MissingPostgres: Error, CustomStringConvertible {
    var description: String { "AMELI_DOCS_TEST_POSTGRES_URL is not set: Scripts/test.sh runs the tests under Scripts/with-postgres.sh" }
}

enum PostgresTestDatabase {
    /// Creates `ameli_test_<uuid>` on the server of AMELI_DOCS_TEST_POSTGRES_URL and returns its URL.
    static func create() async throws -> String {
        guard let base = TestDatabase.postgresURL, var parts = URLComponents(string: base) else {
            throw MissingPostgres()
        }
        let name = "ameli_test_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        var logger = Logger(label: "test.postgres")
        logger.logLevel = .error
        let client = PostgresClient(configuration: try PostgresStore.configuration(url: base), backgroundLogger: logger)
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { await client.run() }
            try await client.query(PostgresQuery(unsafeSQL: "CREATE DATABASE \(name)"))
            group.cancelAll()
        }
        parts.path = "/" + name
        return parts.string!
    }
}

/// The application under test and what a test needs around it.
struct TestHarness: Sendable {
    let client: any TestClientProtocol
    let store: any Store
    let clock: TestClock
    let tokens: AccessTokens
    /// The database under this application, for a second replica over it (`withService(sharing:)`).
    let testStore: TestStore

    func token(_ nir: NIR = Fixtures.martinNIR, admin: Bool = false, expiresIn: TimeInterval = 3600) async throws -> String {
        try await tokens.sign(nir: nir, admin: admin, issuedAt: clock.now, expiresAt: clock.now.addingTimeInterval(expiresIn))
    }

    /// Stands for "the Martins' token" in `send`.
    static let martins = "<the Martins' token>"

    /// One request. `token: nil` sends none; by default the Martins' token.
    @discardableResult
    func send(_ method: HTTPRequest.Method, _ uri: String, json: String? = nil, token: String? = TestHarness.martins,
              headers: HTTPFields = [:]) async throws -> TestResponse {
        var fields = headers
        let bearer = token == Self.martins ? try await self.token() : token
        if let bearer { fields[.authorization] = "Bearer \(bearer)" }
        if json != nil { fields[.contentType] = "application/json" }
        return try await client.executeRequest(uri: uri, method: method, headers: fields, body: json.map { ByteBuffer(string: $0) })
    }
}

extension TestResponse {
    var text: String { String(buffer: body) }
    var bytes: [UInt8] { Array(buffer: body) }
    /// The body as JSON (object or array).
    /// The body as JSON. A body that is not JSON fails the test where it is read (it is never an empty value that
    /// an expectation such as "the list is empty" would then pass on).
    var json: Any {
        do { return try JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed]) } catch {
            Issue.record("the answer (\(status.code)) is not JSON: \(text.prefix(200))")
            return NSNull()
        }
    }

    /// The body as a JSON object; anything else fails the test.
    var object: [String: Any] {
        guard let object = json as? [String: Any] else {
            Issue.record("the answer (\(status.code)) is not a JSON object: \(text.prefix(200))")
            return [:]
        }
        return object
    }

    /// The body as a JSON array of objects; anything else fails the test.
    var array: [[String: Any]] {
        guard let array = json as? [[String: Any]] else {
            Issue.record("the answer (\(status.code)) is not a JSON array of objects: \(text.prefix(200))")
            return []
        }
        return array
    }
    /// The problem's `code`, or nil for an answer that is not application/problem+json.
    var problemCode: String? {
        headers[.contentType] == "application/problem+json" ? object["code"] as? String : nil
    }
}

/// Runs `body` against a new application on a fresh store holding `records`, with a fixed clock.
func withService<T: Sendable>(
    _ database: TestDatabase = .sqlite,
    records: [InsuredRecord] = [Fixtures.martin(), Fixtures.dubois()],
    renderer: any DocumentRendering = EchoRenderer(),
    clock: TestClock = TestClock(),
    verificationLimiter: RateLimiter = RateLimiter(capacity: 60, refillPerSecond: 10),
    renderLimiter: RenderLimiter = RenderLimiter(),
    scans: ScanLimits = ScanLimits(),
    metrics: ServiceMetrics = ServiceMetrics(),
    ids: IdentifierGenerator = .sequential(),
    secureCookies: Bool = false,
    sharing shared: TestStore? = nil,
    _ body: @Sendable (TestHarness) async throws -> T
) async throws -> T {
    let testStore = if let shared { try shared.replica() } else { try await TestStore.make(database) }
    let store = testStore.store
    var logger = Logger(label: "test")
    logger.logLevel = .warning
    var app = try await buildApplication(
        configuration: ServiceConfiguration(jwtSecret: Fixtures.secret, secureCookies: secureCookies), clock: { clock.now }, store: store, renderer: renderer,
        seals: Fixtures.seals, verificationLimiter: verificationLimiter, renderLimiter: renderLimiter, scans: scans, ids: ids, services: testStore.services, metrics: metrics, logger: logger)
    let start = clock.now
    app.beforeServerStarts {
        try await store.migrate()
        for record in records { _ = try await store.importRecord(record, at: start) }
    }
    let tokens = try await AccessTokens(secret: Fixtures.secret)
    return try await app.test(.router) { client in
        try await body(TestHarness(client: client, store: store, clock: clock, tokens: tokens, testStore: testStore))
    }
}

/// Deterministic stand-in bytes, counting its renders: a test can prove that something was not rendered.
final class CountingRenderer: DocumentRendering {
    private let count = Mutex(0)
    var contentVersion: String { "echo-1" }
    func render(_ document: DocumentRecord, seal: DocumentSeal?, format: OutputFormat, dpi: Double) throws -> [UInt8] {
        count.withLock { $0 += 1 }
        return try EchoRenderer().render(document, seal: seal, format: format, dpi: dpi)
    }
    var renders: Int { count.withLock { $0 } }
    func describe(_ document: DocumentRecord, seal: DocumentSeal?) throws -> DocumentDescription {
        try EchoRenderer().describe(document, seal: seal)
    }
}

/// Fails its first render, then renders as `EchoRenderer`: a rendering error in the middle of a procedure.
final class FailingOnceRenderer: DocumentRendering {
    struct Broken: Error {}
    private let failed = Mutex(false)
    var contentVersion: String { "echo-1" }
    func render(_ document: DocumentRecord, seal: DocumentSeal?, format: OutputFormat, dpi: Double) throws -> [UInt8] {
        let first = failed.withLock { failed -> Bool in defer { failed = true }; return !failed }
        if first { throw Broken() }
        return try EchoRenderer().render(document, seal: seal, format: format, dpi: dpi)
    }
    func describe(_ document: DocumentRecord, seal: DocumentSeal?) throws -> DocumentDescription {
        try EchoRenderer().describe(document, seal: seal)
    }
}
