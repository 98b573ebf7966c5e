// PostgresAPITests: the same API scenarios on a real PostgreSQL server (AMELI_DOCS_TEST_POSTGRES_URL).
import DocumentPipeline
import EngineTestSupport
import Foundation
import Testing

/// Skipped, and shown as skipped, when no server is given on a developer's machine; under CI (the CI variable set)
/// a missing server fails every test here instead (STYLE.md: a skipped backend is a failing CI).
@Suite(.enabled(if: TestDatabase.postgresAvailable || TestDatabase.underCI,
                "AMELI_DOCS_TEST_POSTGRES_URL is not set: run under Scripts/with-postgres.sh"))
struct PostgresAPITests {
    /// The real pipeline: PostgreSQL serves real PDFs, read back by qpdf and pdftotext.
    @Test func R_CERTIFICATE_orderWithDepartureOnPostgres() async throws {
        try await Scenarios.orderWithDeparture(.postgres, renderer: try EndToEndTests.renderer.get()) { (pdf: [UInt8]) throws in
            let text = try EndToEndTests.text(ofPDF: pdf)
            #expect(text.contains("MARTIN"))
        }
    }

    @Test func R_LOSS_lossThenOrderOnPostgres() async throws {
        try await Scenarios.lossThenOrder(.postgres)
    }

    @Test func P_ADULT_proxyFlowOnPostgres() async throws {
        try await Scenarios.proxyFlow(.postgres, renderer: try EndToEndTests.renderer.get()) { (pdf: [UInt8]) throws in
            let text = try EndToEndTests.text(ofPDF: pdf)
            #expect(text.contains("DURAND"))
        }
    }

    @Test func R_CERTIFICATE_hundredConcurrentDownloadsOverTwoReplicasGiveOneDocumentOnPostgres() async throws {
        try await Scenarios.hundredConcurrentDownloadsOverTwoReplicas(.postgres)
    }

    @Test func R_CERTIFICATE_aFailedRenderDoesNotUseTheDownloadUpOnPostgres() async throws {
        try await Scenarios.aFailedRenderDoesNotUseTheDownloadUp(.postgres)
    }

    @Test func R_ONE_OPEN_ORDER_twoConcurrentOrdersOnPostgres() async throws {
        try await Scenarios.twoConcurrentOrders(.postgres)
    }

    @Test func everyKeyedProcedureReplaysOnPostgres() async throws {
        try await Scenarios.everyKeyedProcedureReplaysItsFirstAnswer(.postgres)
    }

    @Test func idempotentReplayOnPostgres() async throws {
        try await Scenarios.idempotentReplay(.postgres)
    }

    @Test func otherHouseholdIsNotFoundOnPostgres() async throws {
        try await Scenarios.otherHouseholdIsNotFound(.postgres)
    }

    @Test func sealIssueVerifyTamperExpireRevokeOnPostgres() async throws {
        try await SealScenarios.issueVerifyTamperExpireRevoke(.postgres)
    }

    @Test func sealRevocationsFollowTheRecordOnPostgres() async throws {
        try await SealScenarios.revocationsFollowTheRecord(.postgres)
    }

    @Test func sealScannedPagesOfRealPDFsOnPostgres() async throws {
        try await SealScenarios.scannedPagesVerify(.postgres)
    }

    @Test func R_FULFIL_replacedCardsCopiesRevokedOnPostgres() async throws {
        try await SealScenarios.replacementRevokesTheOldCardsCopies(.postgres)
    }

    @Test func sealHostileBodiesOnPostgres() async throws {
        try await SealScenarios.hostileVerificationBodies(.postgres)
    }
}
