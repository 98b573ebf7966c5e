// ScanLimits: reading a scanned page has a queue, threads and a per-client rate of its own.
import NIOCore
public import NIOPosix

/// A scan without a code costs up to 1.5 s of CPU, a render milliseconds. Sharing one queue, thirty noise scans
/// from one client made every document answer 503. Scans therefore run on their own threads (half the cores, at
/// least one) behind their own small queue, and each client may post a few in a row and then one every five
/// seconds: a person at a scanner does not need more, a flood is refused with 429 before it costs anything.
public struct ScanLimits: Sendable {
    /// Admission and threads for reading scans; full, it answers 503 to scans only.
    public let reader: RenderLimiter
    /// Scans per client address, on top of the verification route's own rate.
    public let perClient: RateLimiter

    public init(reader: RenderLimiter = RenderLimiter(capacity: ScanLimits.threads + 1, pool: ScanLimits.pool),
                perClient: RateLimiter = RateLimiter(capacity: 3, refillPerSecond: 0.2)) {
        self.reader = reader
        self.perClient = perClient
    }

    /// Half the cores, at least one: renders keep the other half whatever the scans do.
    public static let threads = max(1, System.coreCount / 2)

    /// Started once per process and kept, like NIO's shared pool that renders use.
    public static let pool: NIOThreadPool = {
        let pool = NIOThreadPool(numberOfThreads: threads)
        pool.start()
        return pool
    }()
}
