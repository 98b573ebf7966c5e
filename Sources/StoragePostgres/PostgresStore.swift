// PostgresStore: the store for several replicas sharing one PostgreSQL database, through PostgresNIO.
public import Foundation
public import Logging
import NIOCore
public import PostgresNIO
public import Records
public import ServiceLifecycle
public import Storage
public import TeleserviceRules

/// Procedures lock the insured's row (`SELECT … FOR UPDATE`) for the transaction, so that two replicas deciding
/// for one household take turns and each sees the other's committed state. The client's connection pool must run
/// (`run()`, or add the store to a `ServiceGroup`) for queries to go through.
public final class PostgresStore: Store, Service {
    public let client: PostgresClient
    let logger: Logger
    /// The URL's TLS demand, checked on one connection before the first migration (see `checkTLS`).
    private let url: PostgresURL?

    public init(configuration: PostgresClient.Configuration, logger: Logger) {
        self.client = PostgresClient(configuration: configuration, backgroundLogger: logger)
        self.logger = logger
        self.url = nil
    }

    /// `postgres://user[:password]@host[:port]/database[?sslmode=disable|prefer|require|verify-full]`;
    /// `postgresql://` is accepted too. Without `sslmode`, TLS when the server offers it (`prefer`).
    public init(url: String, logger: Logger) throws {
        let parsed = try PostgresURL(url)
        self.client = PostgresClient(configuration: Self.configuration(parsed), backgroundLogger: logger)
        self.logger = logger
        self.url = parsed
    }

    public static func configuration(url: String) throws -> PostgresClient.Configuration {
        configuration(try PostgresURL(url))
    }

    static func configuration(_ url: PostgresURL) -> PostgresClient.Configuration {
        var configuration = PostgresClient.Configuration(
            host: url.host, port: url.port, username: url.username, password: url.password, database: url.database,
            tls: url.clientTLS)
        configuration.options.maximumConnections = 16
        return configuration
    }

    /// When the URL asks for TLS, one connection opened with it before anything else: the pool retries a failed
    /// connection quietly, so a server without TLS would otherwise show as a hang, not as the reason.
    public func checkTLS() async throws {
        guard let url, url.requiresTLS else { return }
        let configuration = PostgresConnection.Configuration(
            host: url.host, port: url.port, username: url.username, password: url.password, database: url.database,
            tls: try url.connectionTLS())
        do {
            let connection = try await PostgresConnection.connect(configuration: configuration, id: 0, logger: logger)
            try await connection.close()
        } catch let error as PSQLError where error.code == .sslUnsupported {
            throw PostgresTLSError(host: url.host, port: url.port, sslMode: url.sslMode)
        }
    }

    public func run() async throws {
        await client.run()
    }

    // MARK: - Transactions

    /// BEGIN/COMMIT by hand rather than `withTransaction`, so that the closure's own error (a refusal) comes back
    /// unwrapped.
    func transaction<T: Sendable>(_ body: (PostgresConnection) async throws -> T) async throws -> T {
        try await client.withConnection { connection in
            try await connection.query("BEGIN", logger: logger)
            do {
                let value = try await body(connection)
                try await connection.query("COMMIT", logger: logger)
                return value
            } catch {
                _ = try? await connection.query("ROLLBACK", logger: logger)
                if let psql = error as? PSQLError, psql.serverInfo?[.sqlState] == PostgresError.Code.uniqueViolation.raw {
                    throw StoreError.conflict
                }
                throw error
            }
        }
    }

    public func migrate() async throws {
        try await checkTLS()
        try await transaction { connection in
            // One replica migrates at a time; the others wait here and then find nothing left to do.
            try await connection.query("SELECT pg_advisory_xact_lock(727272)", logger: logger)
            try await connection.query("""
                CREATE TABLE IF NOT EXISTS schema_migrations (id text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())
                """, logger: logger)
            var applied = Set<String>()
            for try await id in try await connection.query("SELECT id FROM schema_migrations", logger: logger).decode(String.self) {
                applied.insert(id)
            }
            for migration in PostgresSchema.migrations where !applied.contains(migration.id) {
                for statement in migration.statements {
                    try await connection.query(PostgresQuery(unsafeSQL: statement), logger: logger)
                }
                try await connection.query("INSERT INTO schema_migrations (id) VALUES (\(migration.id))", logger: logger)
            }
        }
    }

    public func appliedMigrations() async throws -> [String] {
        try await collect(client.query("SELECT id FROM schema_migrations ORDER BY applied_at, id", logger: logger).decode(String.self))
    }

    public func checkHealth() async throws {
        _ = try await collect(client.query("SELECT count(*) FROM insured", logger: logger).decode(Int.self))
    }

    public func importRecords(_ records: [InsuredRecord], at instant: Date) async throws -> [ImportResult] {
        let encoded = try records.map { ($0.nir.value, try StoredJSON.encode($0)) }
        let time = instant.timeIntervalSince1970
        return try await transaction { connection in
            var results: [ImportResult] = []
            for (nir, json) in encoded {
                // xmax = 0 only for a row this statement inserted: tells a creation from a replacement in one step.
                let inserted = try await collect(connection.query("""
                    INSERT INTO insured (nir, record, updated_at) VALUES (\(nir), \(json), \(time))
                    ON CONFLICT (nir) DO UPDATE SET record = excluded.record, updated_at = excluded.updated_at
                    RETURNING (xmax = 0)
                    """, logger: logger).decode(Bool.self))
                results.append(inserted.first == true ? .created : .replaced)
            }
            return results
        }
    }

    public func household(of nir: NIR) async throws -> Household? {
        try await client.withConnection { connection in try await self.household(nir, connection, lock: false) }
    }

    private func household(_ nir: NIR, _ connection: PostgresConnection, lock: Bool) async throws -> Household? {
        let key = nir.value
        let query: PostgresQuery = lock
            ? "SELECT record FROM insured WHERE nir = \(key) FOR UPDATE"
            : "SELECT record FROM insured WHERE nir = \(key)"
        guard let json = try await collect(connection.query(query, logger: logger).decode(String.self)).first else { return nil }
        let record = try StoredJSON.decode(InsuredRecord.self, from: json)
        let orders = try await collect(connection.query(
            "SELECT body FROM card_orders WHERE nir = \(key) ORDER BY submitted_at, id", logger: logger).decode(String.self))
            .map { try StoredJSON.decode(CardOrder.self, from: $0) }
        let proxies = try await collect(connection.query(
            "SELECT body FROM proxies WHERE nir = \(key) ORDER BY created_at, id", logger: logger).decode(String.self))
            .map { try StoredJSON.decode(Proxy.self, from: $0) }
        return Household(record: record, orders: orders, proxies: proxies)
    }

    private func history(_ nir: NIR, _ connection: PostgresConnection) async throws -> [ProcedureEntry] {
        try await collect(connection.query(
            "SELECT body FROM procedures WHERE nir = \(nir.value) ORDER BY submitted_at DESC, id DESC", logger: logger).decode(String.self))
            .map { try StoredJSON.decode(ProcedureEntry.self, from: $0) }
    }

    public func perform<Value: Sendable>(
        _ request: ProcedureRequest,
        _ decide: @Sendable (ProcedureContext) throws -> ProcedureCommit<Value>
    ) async throws -> ProcedureResult<Value> {
        try await transaction { connection in
            guard let household = try await self.household(request.nir, connection, lock: true) else {
                throw StoreError.householdNotFound
            }
            if let key = request.idempotency {
                let rows = try await collect(connection.query("""
                    SELECT fingerprint, status, content_type, body FROM idempotency_keys WHERE principal = \(key.principal) AND key = \(key.key)
                    """, logger: logger).decode((String, Int, String, ByteBuffer).self))
                if let (fingerprint, status, contentType, body) = rows.first {
                    guard fingerprint == key.fingerprint else { throw StoreError.idempotencyKeyReused }
                    return .replayed(StoredResponse(status: status, contentType: contentType, body: Array(buffer: body)))
                }
            }
            var serial: Int?
            if request.allocatesCardSerial {
                serial = try await collect(connection.query("SELECT nextval('card_serial')", logger: logger).decode(Int.self)).first
            }
            let history = try await self.history(request.nir, connection)
            let commit = try decide(ProcedureContext(household: household, history: history, cardSerial: serial))
            try await self.apply(commit.changes, nir: request.nir, connection)
            if let key = request.idempotency, let response = commit.response {
                let body = ByteBuffer(bytes: response.body)
                try await connection.query("""
                    INSERT INTO idempotency_keys (principal, key, fingerprint, status, content_type, body)
                    VALUES (\(key.principal), \(key.key), \(key.fingerprint), \(response.status), \(response.contentType), \(body))
                    """, logger: logger)
            }
            return .performed(commit.value)
        }
    }

    private func apply(_ changes: HouseholdChanges, nir: NIR, _ connection: PostgresConnection) async throws {
        let owner = nir.value
        if let record = changes.record {
            let json = try StoredJSON.encode(record)
            try await connection.query("UPDATE insured SET record = \(json) WHERE nir = \(owner)", logger: logger)
        }
        for order in changes.orders {
            let (id, beneficiary, time, json) = (order.id.value, order.beneficiaryID.value, order.submittedAt.timeIntervalSince1970, try StoredJSON.encode(order))
            try await connection.query("""
                INSERT INTO card_orders (id, nir, beneficiary_id, submitted_at, body) VALUES (\(id), \(owner), \(beneficiary), \(time), \(json))
                ON CONFLICT (id) DO UPDATE SET body = excluded.body
                """, logger: logger)
        }
        for change in changes.proxies {
            let (id, time, json) = (change.proxy.id.value, change.proxy.createdAt.timeIntervalSince1970, try StoredJSON.encode(change.proxy))
            let confirmation = try change.confirmation.map(StoredJSON.encode)
            try await connection.query("""
                INSERT INTO proxies (id, nir, created_at, body, confirmation) VALUES (\(id), \(owner), \(time), \(json), \(confirmation))
                ON CONFLICT (id) DO UPDATE SET body = excluded.body, confirmation = coalesce(excluded.confirmation, proxies.confirmation)
                """, logger: logger)
        }
        for issued in changes.certificates {
            let (id, order, beneficiary, json) = (issued.certificate.id.value, issued.orderID.value, issued.beneficiaryID.value, try StoredJSON.encode(issued.certificate))
            try await connection.query("""
                INSERT INTO certificates (id, nir, order_id, beneficiary_id, body) VALUES (\(id), \(owner), \(order), \(beneficiary), \(json))
                """, logger: logger)
        }
        for message in changes.messages {
            let (id, time, json) = (message.id.value, message.receivedAt.timeIntervalSince1970, try StoredJSON.encode(message.acknowledgement))
            try await connection.query("INSERT INTO messages (id, nir, received_at, body) VALUES (\(id), \(owner), \(time), \(json))", logger: logger)
        }
        for notice in changes.notices {
            // Pending and due at once (next_attempt_at's default): a delivery service picks it up.
            let (id, time, json) = (notice.reference.value, notice.sentAt.timeIntervalSince1970, try StoredJSON.encode(notice))
            try await connection.query("INSERT INTO email_notices (id, nir, sent_at, body) VALUES (\(id), \(owner), \(time), \(json))", logger: logger)
        }
        for entry in changes.procedures {
            let (id, time, json) = (entry.id.value, entry.submittedAt.timeIntervalSince1970, try StoredJSON.encode(entry))
            try await connection.query("""
                INSERT INTO procedures (id, nir, submitted_at, body) VALUES (\(id), \(owner), \(time), \(json))
                ON CONFLICT (id) DO UPDATE SET body = excluded.body
                """, logger: logger)
        }
        try await applyRegister(changes, nir: nir, connection)
    }

    // MARK: - Reads

    public func owner(ofOrder id: Identifier) async throws -> NIR? {
        try await collect(client.query("SELECT nir FROM card_orders WHERE id = \(id.value)", logger: logger).decode(String.self))
            .first.map { try NIR($0) }
    }

    public func inbox(of nir: NIR) async throws -> [InboxMessage] {
        try await collect(client.query(
            "SELECT body FROM messages WHERE nir = \(nir.value) ORDER BY received_at DESC, id DESC", logger: logger).decode(String.self))
            .map { InboxMessage(acknowledgement: try StoredJSON.decode(Acknowledgement.self, from: $0)) }
    }

    public func message(_ id: Identifier, of nir: NIR) async throws -> InboxMessage? {
        try await collect(client.query(
            "SELECT body FROM messages WHERE id = \(id.value) AND nir = \(nir.value)", logger: logger).decode(String.self))
            .first.map { InboxMessage(acknowledgement: try StoredJSON.decode(Acknowledgement.self, from: $0)) }
    }

    public func procedures(of nir: NIR) async throws -> [ProcedureEntry] {
        try await client.withConnection { connection in try await self.history(nir, connection) }
    }

    public func notices(of nir: NIR) async throws -> [EmailNotice] {
        try await collect(client.query(
            "SELECT body FROM email_notices WHERE nir = \(nir.value) ORDER BY seq DESC", logger: logger).decode(String.self))
            .map { try StoredJSON.decode(EmailNotice.self, from: $0) }
    }

    public func certificate(_ id: Identifier, of nir: NIR) async throws -> StoredCertificate? {
        let rows = try await collect(client.query("""
            SELECT order_id, beneficiary_id, body, downloaded_at, sha256 FROM certificates WHERE id = \(id.value) AND nir = \(nir.value)
            """, logger: logger).decode((String, String, String, Double?, String?).self))
        guard let (order, beneficiary, json, downloaded, sha) = rows.first else { return nil }
        let issued = IssuedCertificate(certificate: try StoredJSON.decode(ProvisionalCertificate.self, from: json),
                                       orderID: try Identifier(order), beneficiaryID: try Identifier(beneficiary))
        return StoredCertificate(issued: issued, downloadedAt: downloaded.map(Date.init(timeIntervalSince1970:)), sha256: sha)
    }

    public func proxyConfirmation(_ id: Identifier, of nir: NIR) async throws -> ProxyConfirmation? {
        try await collect(client.query(
            "SELECT confirmation FROM proxies WHERE id = \(id.value) AND nir = \(nir.value)", logger: logger).decode(String?.self))
            .first.flatMap { $0 }.map { try StoredJSON.decode(ProxyConfirmation.self, from: $0) }
    }

    public func leaseCertificateDownload(_ id: Identifier, of nir: NIR, lease: DownloadLease) async throws -> CertificateLeaseOutcome {
        // One conditional UPDATE: under READ COMMITTED a concurrent updater waits for the row, re-checks the
        // condition after the first commits, and finds the lease taken, so exactly one row comes back overall.
        let (until, at) = (lease.until.timeIntervalSince1970, lease.at.timeIntervalSince1970)
        let taken = try await collect(client.query("""
            UPDATE certificates SET lease_token = \(lease.token), lease_until = \(until)
            WHERE id = \(id.value) AND nir = \(nir.value) AND downloaded_at IS NULL AND (lease_until IS NULL OR lease_until <= \(at))
            RETURNING id
            """, logger: logger).decode(String.self))
        guard let stored = try await certificate(id, of: nir) else { return .notFound }
        if taken.count == 1 { return .granted(stored) }
        return stored.downloadedAt == nil ? .taken : .downloaded
    }

    public func completeCertificateDownload(_ id: Identifier, token: String, served: ServedDocument) async throws -> Bool {
        // One transaction: the download, the proof of what was served and the register's digest, or none of them.
        try await transaction { connection in
            let (nir, time, key) = (served.nir.value, served.servedAt.timeIntervalSince1970, RegisteredDocument.key(id.value))
            let rows = try await collect(connection.query("""
                UPDATE certificates SET downloaded_at = \(time), sha256 = \(served.sha256), lease_token = NULL, lease_until = NULL
                WHERE id = \(id.value) AND nir = \(nir) AND downloaded_at IS NULL AND lease_token = \(token) RETURNING id
                """, logger: logger).decode(String.self))
            guard rows.count == 1 else { return false }
            try await insertServed(served, connection)
            try await connection.query("UPDATE document_register SET sha256 = \(served.sha256) WHERE id_key = \(key) AND sha256 IS NULL",
                                       logger: logger)
            return true
        }
    }

    public func releaseCertificateDownload(_ id: Identifier, of nir: NIR, token: String) async throws {
        try await client.query("""
            UPDATE certificates SET lease_token = NULL, lease_until = NULL WHERE id = \(id.value) AND nir = \(nir.value) AND lease_token = \(token)
            """, logger: logger)
    }

    public func recordServedDocument(_ document: ServedDocument) async throws {
        try await client.withConnection { connection in try await self.insertServed(document, connection) }
    }

    private func insertServed(_ document: ServedDocument, _ connection: PostgresConnection) async throws {
        let (nir, kind, id, time) = (document.nir.value, document.kind.rawValue, document.documentID.value, document.servedAt.timeIntervalSince1970)
        try await connection.query("""
            INSERT INTO served_documents (nir, kind, document_id, format, sha256, served_at)
            VALUES (\(nir), \(kind), \(id), \(document.format), \(document.sha256), \(time))
            ON CONFLICT (nir, kind, document_id, format, sha256) DO NOTHING
            """, logger: logger)
    }

    public func servedDocuments(of nir: NIR) async throws -> [ServedDocument] {
        let rows = try await collect(client.query("""
            SELECT kind, document_id, format, sha256, served_at FROM served_documents WHERE nir = \(nir.value) ORDER BY seq DESC
            """, logger: logger).decode((String, String, String, String, Double).self))
        // A plain loop: Swift 6.3's optimiser crashed splitting this coroutine when it was a throwing `map`
        // over destructured tuples (release builds only).
        var documents: [ServedDocument] = []
        for row in rows {
            guard let kind = ServedDocument.Kind(rawValue: row.0) else { throw StoreError.corruptRow("served_documents.kind") }
            documents.append(ServedDocument(nir: nir, kind: kind, documentID: try Identifier(row.1), format: row.2, sha256: row.3,
                                            servedAt: Date(timeIntervalSince1970: row.4)))
        }
        return documents
    }

    func collect<S: AsyncSequence>(_ sequence: S) async throws -> [S.Element] {
        var result: [S.Element] = []
        for try await element in sequence { result.append(element) }
        return result
    }
}

/// A database URL that is not `postgres://user@host[:port]/database`.
public struct PostgresURLError: Error, CustomStringConvertible {
    public let url: String
    /// The `sslmode` asked for, when it is the part that is wrong.
    public var sslMode: String?

    public init(url: String, sslMode: String? = nil) {
        self.url = url
        self.sslMode = sslMode
    }

    public var description: String {
        if let sslMode {
            let known = PostgresSSLMode.allCases.map(\.rawValue).joined(separator: ", ")
            return "Adresse PostgreSQL : sslmode=\(sslMode) n'est pas pris en charge (valeurs possibles : \(known))."
        }
        return "Adresse PostgreSQL invalide (attendu postgres://utilisateur@hôte:port/base)."
    }
}

/// The URL asks for TLS and the server does not offer it: the service stops rather than connect in clear text.
public struct PostgresTLSError: Error, CustomStringConvertible {
    public let host: String
    public let port: Int
    public let sslMode: PostgresSSLMode

    public var description: String {
        "Le serveur PostgreSQL \(host):\(port) n'accepte pas TLS, alors que l'adresse demande sslmode=\(sslMode.rawValue) : "
            + "démarrage refusé, aucune connexion en clair. Activez TLS sur le serveur, ou écrivez sslmode=disable "
            + "si la base est sur un réseau privé ou en local."
    }
}
