// IsolationTests: idempotent replays, and another household's ids answering 404 like absent ones (SQLite).
import Testing

@Suite struct IsolationTests {
    @Test func idempotencyKeyReplaysTheFirstAnswerWithoutASecondEffect() async throws {
        try await Scenarios.idempotentReplay(.sqlite)
    }

    @Test func everyKeyedProcedureReplaysItsFirstAnswerADayLater() async throws {
        try await Scenarios.everyKeyedProcedureReplaysItsFirstAnswer(.sqlite)
    }

    @Test func otherHouseholdIdsAnswerNotFoundOnEveryRoute() async throws {
        try await Scenarios.otherHouseholdIsNotFound(.sqlite)
    }
}
