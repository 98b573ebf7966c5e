// DocumentCache: rendered card images and print copies by ETag, bounded in bytes, least recently used out first.
import Synchronization

/// Rendering is deterministic, so bytes are a pure function of their ETag (which is computed from the inputs):
/// a cached copy is always the right one, and is dropped only for room. Only the card's images are kept — viewed
/// again and again — while a certificate is downloaded once and an acknowledgement rarely twice.
public final class DocumentCache: Sendable {
    private struct State {
        var entries: [String: (bytes: [UInt8], lastUse: UInt64)] = [:]
        var bytes = 0
        var clock: UInt64 = 0
    }

    public let capacityBytes: Int
    private let state = Mutex(State())
    /// Simultaneous misses of one ETag share one render.
    private let rendering = SingleFlight()

    /// 64 MB holds some 2,000 card PNGs at 300 dpi.
    public init(capacityBytes: Int = 64 << 20) {
        self.capacityBytes = capacityBytes
    }

    /// The bytes of `etag`: from the cache, or from `render` — run once however many callers miss at the same
    /// time, the result kept. `rendered` is true for the one caller whose render produced them (it records the view).
    public func bytes(for etag: String, render: @escaping @Sendable () async throws -> [UInt8]) async throws -> (bytes: [UInt8], rendered: Bool) {
        if let cached = bytes(for: etag) { return (cached, false) }
        let (bytes, leader) = try await rendering.value(for: etag, render)
        if leader { store(bytes, for: etag) }
        return (bytes, leader)
    }

    public func bytes(for etag: String) -> [UInt8]? {
        state.withLock { state in
            guard let entry = state.entries[etag] else { return nil }
            state.clock += 1
            state.entries[etag] = (entry.bytes, state.clock)
            return entry.bytes
        }
    }

    public func store(_ bytes: [UInt8], for etag: String) {
        guard bytes.count <= capacityBytes else { return }
        state.withLock { state in
            state.clock += 1
            if let old = state.entries.updateValue((bytes, state.clock), forKey: etag) { state.bytes -= old.bytes.count }
            state.bytes += bytes.count
            // Evicting scans the table; it runs only when the cache is full, and the table holds a few thousand entries.
            while state.bytes > capacityBytes, let oldest = state.entries.min(by: { $0.value.lastUse < $1.value.lastUse }) {
                state.entries.removeValue(forKey: oldest.key)
                state.bytes -= oldest.value.bytes.count
            }
        }
    }

    /// Entries and bytes held (for tests and metrics).
    public var usage: (entries: Int, bytes: Int) { state.withLock { ($0.entries.count, $0.bytes) } }
}
