// RateLimiter: a token bucket per client address, for the public routes that need no sign-in.
import Foundation
import Synchronization

/// Each client may make `capacity` requests at once and `refillPerSecond` a second after that. The table of
/// clients is bounded: when it is full, buckets that have refilled completely are dropped (they carry no debt), and
/// if none has, the oldest entry goes. Time comes from `now` so tests control it.
public final class RateLimiter: Sendable {
    private struct Bucket {
        var tokens: Double
        var updated: Double
    }

    public let capacity: Double
    public let refillPerSecond: Double
    private let maximumClients: Int
    private let now: @Sendable () -> Double
    private let buckets = Mutex([String: Bucket]())

    public init(capacity: Int, refillPerSecond: Double, maximumClients: Int = 10_000,
                now: @escaping @Sendable () -> Double = RateLimiter.monotonicSeconds) {
        self.capacity = Double(capacity)
        self.refillPerSecond = refillPerSecond
        self.maximumClients = maximumClients
        self.now = now
    }

    /// Seconds on a clock that never jumps (wall-clock changes must not refill or drain buckets).
    public static func monotonicSeconds() -> Double { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 }

    /// Takes one token for `client`; nil when granted, else the seconds until the next token (for Retry-After).
    public func take(for client: String) -> Double? {
        let time = now()
        return buckets.withLock { buckets -> Double? in
            var bucket = buckets[client] ?? Bucket(tokens: capacity, updated: time)
            bucket.tokens = min(capacity, bucket.tokens + (time - bucket.updated) * refillPerSecond)
            bucket.updated = time
            defer {
                if buckets[client] == nil, buckets.count >= maximumClients { evict(&buckets, at: time) }
                buckets[client] = bucket
            }
            guard bucket.tokens >= 1 else { return (1 - bucket.tokens) / refillPerSecond }
            bucket.tokens -= 1
            return nil
        }
    }

    private func evict(_ buckets: inout [String: Bucket], at time: Double) {
        let full = buckets.filter { $0.value.tokens + (time - $0.value.updated) * refillPerSecond >= capacity }.map(\.key)
        if full.isEmpty, let oldest = buckets.min(by: { $0.value.updated < $1.value.updated })?.key {
            buckets.removeValue(forKey: oldest)
        } else {
            for key in full { buckets.removeValue(forKey: key) }
        }
    }
}
