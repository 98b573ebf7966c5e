// SingleFlight: concurrent requests for the same not-yet-cached document share one render.
import Synchronization

/// Without it, sixteen simultaneous first views of one card are sixteen renders of the same bytes, and those past
/// the render queue are refused with 503 for nothing. The first caller for a key runs `work`; callers arriving
/// while it runs await the same result. Nothing is kept after it finishes (the cache keeps the bytes).
public final class SingleFlight: Sendable {
    private let running = Mutex([String: Task<[UInt8], any Error>]())

    public init() {}

    /// The bytes for `key`, and whether this caller is the one that produced them (and so records the view).
    public func value(for key: String, _ work: @escaping @Sendable () async throws -> [UInt8]) async throws -> (bytes: [UInt8], leader: Bool) {
        let (task, leader) = running.withLock { running -> (Task<[UInt8], any Error>, Bool) in
            if let task = running[key] { return (task, false) }
            let task = Task { try await work() }
            running[key] = task
            return (task, true)
        }
        if leader {
            defer { running.withLock { _ = $0.removeValue(forKey: key) } }
            return (try await task.value, true)
        }
        return (try await task.value, false)
    }
}
