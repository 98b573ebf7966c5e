// ConcurrencyTests: the one-time download and the one open order hold under simultaneous requests (SQLite).
import Testing

@Suite struct ConcurrencyTests {
    @Test func R_CERTIFICATE_hundredConcurrentDownloadsOverTwoReplicasGiveOneDocument() async throws {
        try await Scenarios.hundredConcurrentDownloadsOverTwoReplicas(.sqlite)
    }

    @Test func R_CERTIFICATE_aFailedRenderDoesNotUseTheDownloadUp() async throws {
        try await Scenarios.aFailedRenderDoesNotUseTheDownloadUp(.sqlite)
    }

    @Test func R_ONE_OPEN_ORDER_twoConcurrentOrdersGiveExactlyOneCreated() async throws {
        try await Scenarios.twoConcurrentOrders(.sqlite)
    }
}
