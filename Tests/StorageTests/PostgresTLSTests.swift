// PostgresTLSTests: the database URL's sslmode is honoured; `require` never falls back to clear text.
import Foundation
import Logging
import StoragePostgres
import Testing

struct PostgresTLSTests {
    /// The throw-away server of Scripts/with-postgres.sh, which has no TLS.
    static let enabled = StoreTests.postgresURL != nil || ProcessInfo.processInfo.environment["CI"] != nil

    private func url(sslMode: String) throws -> String {
        let base = try #require(StoreTests.postgresURL)
        var parts = try #require(URLComponents(string: base))
        parts.queryItems = [URLQueryItem(name: "sslmode", value: sslMode)]
        return try #require(parts.string)
    }

    @Test func theURLsSSLModeIsRead() throws {
        #expect(try PostgresURL("postgres://u@db.example/base").sslMode == .prefer, "prefer when none is named")
        for mode in PostgresSSLMode.allCases {
            #expect(try PostgresURL("postgres://u@db.example/base?sslmode=\(mode.rawValue)").sslMode == mode)
        }
        for unknown in ["allow", "verify-ca", "REQUIRE", ""] {
            #expect(throws: PostgresURLError.self, "\(unknown)") { try PostgresURL("postgres://u@db.example/base?sslmode=\(unknown)") }
        }
        #expect(try PostgresURL("postgres://u@db.example:6543/base?sslmode=require").database == "base")
    }

    @Test(.enabled(if: enabled, "AMELI_DOCS_TEST_POSTGRES_URL is not set: run under Scripts/with-postgres.sh"))
    func requireAgainstAServerWithoutTLSStopsTheStart() async throws {
        for mode in ["require", "verify-full"] {
            let store = try PostgresStore(url: try url(sslMode: mode), logger: Logger(label: "test"))
            let error = await #expect(throws: PostgresTLSError.self, "\(mode)") { try await store.migrate() }
            #expect(error?.description.contains("aucune connexion en clair") == true)
        }
    }

    @Test(.enabled(if: enabled, "AMELI_DOCS_TEST_POSTGRES_URL is not set: run under Scripts/with-postgres.sh"))
    func disableAndPreferConnectToAServerWithoutTLS() async throws {
        for mode in ["disable", "prefer"] {
            let store = try PostgresStore(url: try url(sslMode: mode), logger: Logger(label: "test"))
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { try await store.run() }
                try await store.migrate()   // idempotent: it proves a connection went through
                try await store.checkHealth()
                group.cancelAll()
            }
        }
    }
}
