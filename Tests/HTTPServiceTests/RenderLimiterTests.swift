// RenderLimiterTests: renders run on a bounded pool; past its capacity the answer is 503 with Retry-After at once,
// never a 500 and never a queue that grows; admission is given back; the queue wait appears in /metrics.
import DocumentPipeline
import EngineTestSupport
import Foundation
import HTTPService
import Procedures
import HTTPEdge
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
            #expect(scan.status == .unprocessableContent && scan.problemCode == "no-seal-found",
                    "a scan is read on its own threads, whatever the renders' queue holds")
            gate.release(3)
            try await held.value
            #expect(try await app.send(.get, "/v1/beneficiaries/lea/card.png").status == .ok, "admission was given back")
            let admin = try await app.token(admin: true)
            let metrics = try await app.send(.get, "/metrics", token: admin)
            #expect(metrics.text.contains("render_queue_wait_seconds"), "the queue wait is exported")
        }
        try await pool.shutdownGracefully()
    }

    /// Thirty noise scans at once beside twenty card views: the scans fill their own queue (503) and use up their
    /// client's rate (429), and not one view is refused. Scans are real 300-dpi noise pages, the slowest to read.
    @Test func scansNeverRefuseARender() async throws {
        let noise = try Self.noisePNG(width: 1240, height: 1754)
        let renderer = CountingRenderer()
        // Generous rates, so that every scan reaches the queue: thirty clients at once, as it were.
        let generous = RateLimiter(capacity: 1000, refillPerSecond: 100)
        try await withService(renderer: renderer, verificationLimiter: generous, scans: ScanLimits(perClient: generous)) { app in
            let token = try await app.token()
            let (scans, views) = try await withThrowingTaskGroup(of: (scan: Bool, status: HTTPResponse.Status).self) { group in
                for _ in 0..<30 {
                    group.addTask {
                        (true, try await app.client.executeRequest(uri: "/v1/verifications", method: .post, headers: [.contentType: "image/png"],
                                                                   body: .init(bytes: noise)).status)
                    }
                }
                for index in 0..<20 {
                    let beneficiary = index.isMultiple(of: 2) ? "lea" : "marc"
                    let format = index % 4 < 2 ? "png" : "pdf"
                    group.addTask { (false, try await app.send(.get, "/v1/beneficiaries/\(beneficiary)/card.\(format)", token: token).status) }
                }
                return try await group.reduce(into: ([HTTPResponse.Status](), [HTTPResponse.Status]())) { result, answer in
                    if answer.scan { result.0.append(answer.status) } else { result.1.append(answer.status) }
                }
            }
            #expect(views.count == 20 && views.allSatisfy { $0 == .ok }, "\(views.map(\.code))")
            #expect(scans.allSatisfy { [.unprocessableContent, .serviceUnavailable, .tooManyRequests].contains($0) }, "\(scans.map(\.code))")
            #expect(scans.contains(.serviceUnavailable), "the scans' own queue is full")
        }
    }

    /// One client posts three scans in a row, then one every five seconds. The limiter's clock stands still here,
    /// so that a slow machine (a scan can take seconds) does not refill the bucket between requests.
    @Test func aClientsScansAreRateLimited() async throws {
        let defaults = ScanLimits().perClient
        #expect(defaults.capacity == 3 && defaults.refillPerSecond == 0.2)
        let scans = ScanLimits(perClient: RateLimiter(capacity: 3, refillPerSecond: 0.2, now: { 0 }))
        try await withService(verificationLimiter: RateLimiter(capacity: 1000, refillPerSecond: 100), scans: scans) { app in
            var statuses: [HTTPResponse.Status] = []
            for _ in 0..<4 {
                statuses.append(try await app.client.executeRequest(uri: "/v1/verifications", method: .post, headers: [.contentType: "image/png"],
                                                                    body: .init(bytes: [0x89, 0x50])).status)
            }
            #expect(statuses == [.unprocessableContent, .unprocessableContent, .unprocessableContent, .tooManyRequests])
            let text = try await app.send(.post, "/v1/verifications", json: #"{"seal":"DC04"}"#, token: nil)
            #expect(text.problemCode == "invalid-seal", "a seal's text is not a scan: it is not counted against scans")
        }
    }

    /// A grey-noise RGB PNG (deterministic).
    static func noisePNG(width: Int, height: Int) throws -> [UInt8] {
        var generator = SeededGenerator(seed: 30)
        var pixels = [UInt8](repeating: 0, count: width * height * 3)
        for index in stride(from: 0, to: pixels.count, by: 3) {
            let grey = UInt8.random(in: 0...255, using: &generator)
            pixels[index] = grey; pixels[index + 1] = grey; pixels[index + 2] = grey
        }
        return RGBImage(width: width, height: height, pixels: pixels).pngData()
    }
}
