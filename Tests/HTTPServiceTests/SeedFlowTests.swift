// SeedFlowTests: the seed flows of the issue, end to end through the API on SQLite.
import Testing

@Suite struct SeedFlowTests {
    @Test func R_CERTIFICATE_orderWithDepartureGivesCertificateOnceAndAcknowledgement() async throws {
        try await Scenarios.orderWithDeparture(.sqlite)
    }

    @Test func R_LOSS_lossDeclarationCancelsTheCardThenOrderingIsAllowed() async throws {
        try await Scenarios.lossThenOrder(.sqlite)
    }

    @Test func P_ADULT_minorRefusedThenAdultProxyCreatedAndRevoked() async throws {
        try await Scenarios.proxyFlow(.sqlite)
    }
}
