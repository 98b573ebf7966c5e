// AmeliService: what the procedures share — store, renderer, clock, ids, metrics — and their common steps.
package import DocumentPipeline
public import Foundation
import Crypto
package import Records
public import Storage
import TeleserviceRules

/// Procedures are small methods in extensions named after what they do (`AmeliService+Proxy.swift`), each taking
/// its caller explicitly; the API's handlers (HTTPService) and the pages (Pages) both call them. This file has the
/// steps they share: JSON answers, documents with their proof, idempotency keys.
public struct AmeliService: Sendable {
    /// Reached only through the procedures: a door reads or changes a household only as its caller may.
    let store: any Store
    public let renderer: any DocumentRendering
    public let clock: @Sendable () -> Date
    public let ids: IdentifierGenerator
    public let metrics: ServiceMetrics
    /// Signs issued documents and publishes the verification keys (SEAL.md).
    public let seals: SealIssuer
    /// Public verification is rate-limited per client address: a scan without a code costs up to 1.5 s of CPU.
    package let verificationLimiter: RateLimiter
    /// Renders run on a pool sized to the cores, behind a bounded queue.
    package let renderLimiter: RenderLimiter
    /// Scans are read on threads of their own, behind a queue and a per-client rate of their own.
    package let scans: ScanLimits
    /// Card images and print copies already rendered, by ETag (simultaneous first views share one render).
    package let documentCache: DocumentCache
    /// openapi.yaml's bytes, served at /openapi.yaml: the file the routes and types were generated from.
    package let contract: [UInt8]

    public init(store: any Store, renderer: any DocumentRendering, clock: @escaping @Sendable () -> Date,
                ids: IdentifierGenerator, metrics: ServiceMetrics, seals: SealIssuer,
                verificationLimiter: RateLimiter = RateLimiter(capacity: 60, refillPerSecond: 10),
                renderLimiter: RenderLimiter = RenderLimiter(), scans: ScanLimits = ScanLimits(),
                documentCache: DocumentCache = DocumentCache(), contract: [UInt8] = []) {
        self.contract = contract
        self.store = store
        self.seals = seals
        self.verificationLimiter = verificationLimiter
        self.renderLimiter = renderLimiter
        self.scans = scans
        self.documentCache = documentCache
        self.renderer = renderer
        self.clock = clock
        self.ids = ids
        self.metrics = metrics
    }

    /// The Paris day of an instant: what the rules call today.
    package func today(_ now: Date) -> CivilDate { CivilDate(now) }

    // MARK: JSON

    /// The encoder of stored answers (idempotent replays); the generated server encodes the live ones the same way.
    package static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }

    package static func jsonBytes(_ value: some Encodable) throws -> [UInt8] {
        Array(try encoder().encode(value))
    }

    public static func sha256Hex(_ bytes: [UInt8]) -> String {
        SHA256.hash(data: bytes).map { String(format: "%02x", $0) }.joined()
    }

    // MARK: Documents

    /// Renders with the render metrics (count and time by kind and format).
    /// Runs on the render pool, behind its bounded queue (503 when full); queue wait and render time by kind.
    package func render(_ document: DocumentRecord, seal: DocumentSeal? = nil, format: OutputFormat, dpi: Double = 300) async throws -> [UInt8] {
        let (renderer, metrics) = (self.renderer, self.metrics)
        let kind = document.kind.rawValue
        return try await renderLimiter.run(queued: { metrics.recordQueueWait(kind: kind, duration: $0) }) {
            let start = ContinuousClock.now
            let bytes = try renderer.render(document, seal: seal, format: format, dpi: dpi)
            metrics.recordRender(kind: kind, format: format.rawValue, duration: ContinuousClock.now - start)
            return bytes
        }
    }

    /// A document answer, with an ETag computed from the document's inputs before anything is rendered (kind,
    /// format, density, seal, the record's canonical JSON and the renderer's content version): a revalidation that
    /// matches is 304 without rendering, and a card image already rendered comes from the cache. The rules have run
    /// before this is called, so a card declared lost an instant ago is never served from the cache. The SHA-256
    /// of the bytes is recorded with what was served to whom when they are rendered (not at every view).
    package func document(_ record: DocumentRecord, seal: DocumentSeal? = nil, format: OutputFormat, dpi: Double = 300,
                  filename: String, served: (NIR, ServedDocument.Kind, Identifier), ifNoneMatch: String?,
                  registered: String? = nil) async throws -> DocumentAnswer {
        let etag = try Self.etag(record, seal: seal, format: format, dpi: dpi, version: renderer.contentVersion)
        // Personal documents: never in a shared cache; the caller's own cache revalidates with the ETag.
        let headers = DocumentHeaders(eTag: "\"\(etag)\"", cacheControl: "private, no-cache",
                                      contentDisposition: "inline; filename=\"\(filename)\"")
        if let ifNoneMatch, ifNoneMatch.split(separator: ",").contains(where: { $0.trimmingCharacters(in: .whitespaces) == headers.eTag }) {
            return .notModified(headers)
        }
        // Card images are viewed again and again: they go through the cache. Other documents are rendered.
        let service = self
        let produce: @Sendable () async throws -> [UInt8] = { try await service.render(record, seal: seal, format: format, dpi: dpi) }
        let (bytes, rendered) = record.kind == .card ? try await documentCache.bytes(for: etag, render: produce) : (try await produce(), true)
        if rendered {
            let sha = Self.sha256Hex(bytes)
            try await store.recordServedDocument(ServedDocument(nir: served.0, kind: served.1, documentID: served.2,
                                                                format: format.rawValue, sha256: sha, servedAt: clock()))
            if let registered { try await store.recordDocumentDigest(id: registered, sha256: sha) }
        }
        return .ok(bytes, headers)
    }

    /// The ETag of a document from its inputs: equal on every replica of a build, different whenever the bytes
    /// could differ.
    package static func etag(_ record: DocumentRecord, seal: DocumentSeal?, format: OutputFormat, dpi: Double, version: String) throws -> String {
        let head = "amelidocs-etag-1\n\(version)\n\(record.kind.rawValue)\n\(format.rawValue)\n\(format == .png ? dpi : 0)\n\(seal?.text ?? "")\n"
        return sha256Hex(Array(head.utf8) + Array(try record.encoded()))
    }

    // MARK: Idempotency

    /// The receipt of a procedure: the one just decided, or the first one replayed for a repeated key (read back
    /// from what was kept with the key, with `replayed` true).
    package static func answer<Answer: Decodable>(_ result: ProcedureResult<StoredResponse>, as type: Answer.Type) throws
        -> (answer: Answer, replayed: Bool) {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        switch result {
        case .performed(let response):
            return (try decoder.decode(Answer.self, from: Data(response.body)), false)
        case .replayed(let response):
            return (try decoder.decode(Answer.self, from: Data(response.body)), true)
        }
    }

    /// Whether a procedure without a body in its answer (204) was replayed.
    package static func replayed(_ result: ProcedureResult<StoredResponse>) -> Bool {
        if case .replayed = result { return true }
        return false
    }

    /// A procedure's receipt, kept for replay when the request carried an idempotency key.
    package static func stored(_ value: some Encodable, status: Int) throws -> StoredResponse {
        StoredResponse(status: status, contentType: "application/json", body: try jsonBytes(value))
    }
}

/// The headers every document answer carries (openapi.yaml's document responses).
package struct DocumentHeaders: Sendable {
    package let eTag: String
    package let cacheControl: String
    package let contentDisposition: String
}

/// A document, or "unchanged since your ETag" (304) without rendering.
package enum DocumentAnswer: Sendable {
    case ok([UInt8], DocumentHeaders)
    case notModified(DocumentHeaders)
}
