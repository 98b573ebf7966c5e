// SealTrustTests: SEAL.md through the API on SQLite (the same scenarios run on PostgreSQL in PostgresAPITests).
import Foundation
import HTTPService
import Procedures
import HTTPEdge
import HummingbirdTesting
import HTTPTypes
import Testing

@Suite struct SealTrustTests {
    @Test func issueVerifyTamperExpireRevoke() async throws {
        try await SealScenarios.issueVerifyTamperExpireRevoke(.sqlite)
    }

    @Test func revocationsFollowTheProxyAndTheCard() async throws {
        try await SealScenarios.revocationsFollowTheRecord(.sqlite)
    }

    @Test func R_FULFIL_aReplacedCardsCopiesAreRevoked() async throws {
        try await SealScenarios.replacementRevokesTheOldCardsCopies(.sqlite)
    }

    @Test func scannedPagesOfTheRealDocumentsVerify() async throws {
        try await SealScenarios.scannedPagesVerify(.sqlite)
    }

    @Test func hostileVerificationBodiesAreProblemsNeverFailures() async throws {
        try await SealScenarios.hostileVerificationBodies(.sqlite)
    }

    @Test func verificationIsRateLimitedPerClient() async throws {
        let time = TestTime()
        let limiter = RateLimiter(capacity: 3, refillPerSecond: 1, maximumClients: 2, now: { time.value })
        #expect(limiter.take(for: "a") == nil && limiter.take(for: "a") == nil && limiter.take(for: "a") == nil)
        let wait = try #require(limiter.take(for: "a"))
        #expect(wait > 0 && wait <= 1)
        #expect(limiter.take(for: "b") == nil, "another client has its own bucket")
        time.value += 1
        #expect(limiter.take(for: "a") == nil, "a token came back after a second")
        #expect(limiter.take(for: "a") != nil)
        // A third client in a table of two evicts one; the service goes on answering.
        #expect(limiter.take(for: "c") == nil)
        #expect(limiter.take(for: "a") != nil, "the client in debt was kept, the refilled one evicted")

        // Through the API, on a clock that does not move: five answers, then 429 with Retry-After, for a minute.
        let frozen = RateLimiter(capacity: 5, refillPerSecond: 1.0 / 60, now: { 1000 })
        try await withService(verificationLimiter: frozen) { app in
            for _ in 0..<5 { #expect(try await SealScenarios.verify(app, "not a seal").problemCode == "invalid-seal") }
            let answer = try await SealScenarios.verify(app, "not a seal")
            #expect(answer.status == .tooManyRequests && answer.problemCode == "too-many-requests")
            #expect(answer.headers[.retryAfter] == "60")
        }
    }
}

/// A hand-moved clock for the rate limiter.
final class TestTime: @unchecked Sendable {
    var value: Double = 1000

    /// An unreadable seal gets one fixed French sentence, whatever the parser found: never its internal text.
    @Test func anUnreadableSealIsAnsweredWithoutTheParsersText() async throws {
        try await withService { app in
            var details: Set<String> = []
            for text in ["DC04 this is not a seal", "", "DC04FR0000010A0B0C0D0E", String(repeating: "Ł", count: 300), "DC03\u{1D}x"] {
                let answer = try await SealScenarios.verify(app, text)
                #expect(answer.status == .unprocessableContent && answer.problemCode == "invalid-seal", "\(text.prefix(20))")
                let detail = try #require(answer.object["detail"] as? String)
                #expect(!detail.contains("détail technique") && !detail.contains("Error") && !detail.contains("("), "\(detail)")
                details.insert(detail)
            }
            #expect(details == ["Ce texte n'est pas un cachet AmeliDocs lisible : copiez le texte entier du code du document, ou envoyez une image de la page."])
        }
    }
}
