// RenderLimiterTests: renders run on a bounded pool; past its capacity the answer is 503 with Retry-After at once,
// never a 500 and never a queue that grows; admission is given back; the queue wait appears in /metrics.
import DocumentPipeline
import Foundation
import HTTPService
import HTTPTypes
import HummingbirdTesting
import NIOCore
import NIOPosix
import Testing

@Suite struct RenderLimiterTests {
    /// Jobs that hold their pool thread until `release()`: the limiter full, deterministically.
    final class Gate: @unchecked Sendable {
        private let semaphore = DispatchSemaphore(value: 0)
        private let started = DispatchSemaphore(value: 0)
        func hold() { started.signal(); semaphore.wait() }
        func waitStarted() async { await withCheckedContinuation { c in DispatchQueue.global().async { self.started.wait(); c.resume() } } }
        func release(_ count: Int) { for _ in 0..<count { semaphore.signal() } }
    }

    @Test func aFullLimiterAnswers503WithRetryAfterAndAdmitsAgainOnceFreed() async throws {
        let pool = NIOThreadPool(numberOfThreads: 2)
        pool.start()
        let limiter = RenderLimiter(capacity: 3, pool: pool)
        let gate = Gate()
        try await withService(renderLimiter: limiter) { app in
            // Two jobs running on the two threads, a third admitted and waiting: the limiter is full.
            let held = Task {
                try await withThrowingTaskGroup(of: Void.self) { group in
                    for _ in 0..<3 { group.addTask { try await limiter.run { gate.hold() } } }
                    try await group.waitForAll()
                }
            }
            await gate.waitStarted()
            await gate.waitStarted()
            let refused = try await app.send(.get, "/v1/beneficiaries/lea/card.png")
            #expect(refused.status == .serviceUnavailable && refused.problemCode == "unavailable")
            #expect(refused.headers[.retryAfter] == "1")
            let scan = try await app.client.executeRequest(uri: "/v1/verifications", method: .post,
                                                           headers: [.contentType: "image/png"], body: .init(bytes: [0x89, 0x50]))
            #expect(scan.status == .serviceUnavailable, "reading a scan goes through the same limiter")
            gate.release(3)
            try await held.value
            #expect(try await app.send(.get, "/v1/beneficiaries/lea/card.png").status == .ok, "admission was given back")
            let admin = try await app.token(admin: true)
            let metrics = try await app.send(.get, "/metrics", token: admin)
            #expect(metrics.text.contains("render_queue_wait_seconds"), "the queue wait is exported")
        }
        try await pool.shutdownGracefully()
    }
}
