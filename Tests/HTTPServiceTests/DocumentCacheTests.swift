// DocumentCacheTests: ETags from the inputs — a revalidation is 304 without a render, a repeated view comes from
// the cache and is recorded once, replicas agree on the ETag, and the rules still run before the cache.
import DocumentPipeline
import Documents
import Foundation
import HTTPService
import Procedures
import HTTPEdge
import HTTPTypes
import HummingbirdTesting
import Storage
import Synchronization
import Testing

@Suite struct DocumentCacheTests {
    /// EchoRenderer that counts its renders.
    @Test func revalidationAndRepeatedViewsDoNotRender() async throws {
        let renderer = CountingRenderer()
        let etag = try await withService(renderer: renderer) { app -> String in
            let first = try await app.send(.get, "/v1/beneficiaries/lea/card.png")
            #expect(first.status == .ok && renderer.renders == 1)
            let etag = try #require(first.headers[.eTag])
            let revalidated = try await app.send(.get, "/v1/beneficiaries/lea/card.png", headers: [.ifNoneMatch: etag])
            #expect(revalidated.status == .notModified && renderer.renders == 1, "304 without rendering")
            let again = try await app.send(.get, "/v1/beneficiaries/lea/card.png")
            #expect(again.status == .ok && again.bytes == first.bytes && renderer.renders == 1, "served from the cache")
            #expect(again.headers[.eTag] == etag)
            let density = try await app.send(.get, "/v1/beneficiaries/lea/card.png?dpi=150")
            #expect(density.headers[.eTag] != etag && renderer.renders == 2, "another density is another document")
            #expect(try await app.store.servedDocuments(of: Fixtures.martinNIR).count == 2, "one record per distinct content")
            // The rules run before the cache: a card declared lost an instant ago is refused, not served from memory.
            let loss = try await app.send(.post, "/v1/beneficiaries/lea/loss-declarations", json: #"{"kind":"loss","date":"2026-03-14","sworn":true}"#)
            #expect(loss.status == .created)
            #expect(try await app.send(.get, "/v1/beneficiaries/lea/card.png").status == .conflict)
            #expect(try await app.send(.get, "/v1/beneficiaries/lea/card.png", headers: [.ifNoneMatch: etag]).status == .conflict)
            return etag
        }
        // Another replica (another process, another database, the same record and build) computes the same ETag.
        let replica = try await withService(renderer: CountingRenderer()) { app in
            try #require(try await app.send(.get, "/v1/beneficiaries/lea/card.png").headers[.eTag])
        }
        #expect(replica == etag)
    }

    @Test func theCacheKeepsItsBytesBudgetDroppingTheLeastRecentlyUsed() {
        let cache = DocumentCache(capacityBytes: 10)
        cache.store([1, 2, 3, 4], for: "a")
        cache.store([5, 6, 7, 8], for: "b")
        #expect(cache.bytes(for: "a") == [1, 2, 3, 4])   // a is now more recent than b
        cache.store([9, 9, 9, 9], for: "c")
        #expect(cache.bytes(for: "b") == nil && cache.bytes(for: "a") != nil && cache.bytes(for: "c") != nil)
        #expect(cache.usage.bytes <= 10)
        cache.store([UInt8](repeating: 0, count: 11), for: "too big")
        #expect(cache.bytes(for: "too big") == nil)
    }
}

@Suite struct SingleFlightTests {
    final class Counter: Sendable {
        let value = Mutex(0)
        func increment() { value.withLock { $0 += 1 } }
        var count: Int { value.withLock { $0 } }
    }

    @Test func simultaneousCallersForOneKeyShareOneRun() async throws {
        let flight = SingleFlight()
        let runs = Counter(), joined = Counter()
        let results = try await withThrowingTaskGroup(of: (bytes: [UInt8], leader: Bool).self) { group in
            for _ in 0..<6 {
                group.addTask {
                    joined.increment()
                    return try await flight.value(for: "card") {
                        runs.increment()
                        // Held until every caller has joined, and a moment more for the last to reach the flight.
                        while joined.count < 6 { try await Task.sleep(for: .milliseconds(5)) }
                        try await Task.sleep(for: .milliseconds(100))
                        return [42]
                    }
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(runs.count == 1, "one run for six callers")
        #expect(results.allSatisfy { $0.bytes == [42] })
        #expect(results.filter(\.leader).count == 1)
        // Once finished, the key runs again (nothing is kept: the cache keeps bytes).
        let again = try await flight.value(for: "card") { [7] }
        #expect(again.bytes == [7] && again.leader)
    }
}
