// RenderLimiter: CPU-bound work (rendering, reading a scan) on a pool sized to the cores, behind a bounded queue.
import HTTPTypes
import NIOCore
public import NIOPosix
import Synchronization

/// Rendering takes milliseconds of CPU; run on the request's task it would hold one of the few cooperative threads
/// that also serve every other request, and past a burst latency would grow without bound. Here the work runs on
/// `pool` (NIO's shared pool has one thread per core) and at most `capacity` jobs are running or waiting: the next
/// one is refused at once with 503 and `Retry-After`, so overload shows as refusals, not as unbounded latency.
public final class RenderLimiter: Sendable {
    public let capacity: Int
    private let pool: NIOThreadPool
    private let inFlight = Mutex(0)

    /// Four jobs per core: one running and three waiting, each a few milliseconds of CPU.
    public static let defaultCapacity = 4 * System.coreCount

    /// `capacity` jobs at once (running + waiting), on NIO's shared pool (one thread per core) by default.
    public init(capacity: Int = RenderLimiter.defaultCapacity, pool: NIOThreadPool = .singleton) {
        precondition(capacity > 0, "a limiter that admits nothing refuses everything")
        self.capacity = capacity
        self.pool = pool
    }

    /// Runs `work` on the pool; throws 503 `unavailable` when `capacity` jobs are already admitted. `queued` is
    /// called with the time the job waited for a thread.
    public func run<T: Sendable>(queued: @escaping @Sendable (Duration) -> Void = { _ in },
                          _ work: @escaping @Sendable () throws -> T) async throws -> T {
        let admitted = inFlight.withLock { count -> Bool in
            guard count < capacity else { return false }
            count += 1
            return true
        }
        guard admitted else {
            var problem = APIProblem(.unavailable, detail: "Le service est très sollicité : réessayez dans un instant.")
            problem.headers[.retryAfter] = "1"
            throw problem
        }
        defer { inFlight.withLock { $0 -= 1 } }
        let enqueued = ContinuousClock.now
        return try await pool.runIfActive {
            queued(ContinuousClock.now - enqueued)
            return try work()
        }
    }
}
