// AmeliService: what the route handlers share — store, renderer, clock, ids, metrics — and their common steps.
import DocumentPipeline
public import Foundation
import Hummingbird
import HTTPTypes
import Crypto
import Records
public import Storage
import TeleserviceRules

/// Handlers are small methods in extensions named after their routes (`AmeliService+Proxy.swift`); this file has
/// the steps they share: JSON answers, documents with their proof, idempotency keys.
public struct AmeliService: Sendable {
    public let store: any Store
    public let renderer: any DocumentRendering
    public let clock: @Sendable () -> Date
    public let ids: IdentifierGenerator
    public let metrics: ServiceMetrics
    /// Signs issued documents and publishes the verification keys (SEAL.md).
    public let seals: SealIssuer
    /// Public verification is rate-limited per client address: a scan without a code costs up to 1.5 s of CPU.
    let verificationLimiter: RateLimiter
    /// Renders and scan readings run on a pool sized to the cores, behind a bounded queue.
    let renderLimiter: RenderLimiter
    /// Card images and print copies already rendered, by ETag (simultaneous first views share one render).
    let documentCache: DocumentCache

    public init(store: any Store, renderer: any DocumentRendering, clock: @escaping @Sendable () -> Date,
                ids: IdentifierGenerator, metrics: ServiceMetrics, seals: SealIssuer,
                verificationLimiter: RateLimiter = RateLimiter(capacity: 60, refillPerSecond: 10),
                renderLimiter: RenderLimiter = RenderLimiter(), documentCache: DocumentCache = DocumentCache()) {
        self.store = store
        self.seals = seals
        self.verificationLimiter = verificationLimiter
        self.renderLimiter = renderLimiter
        self.documentCache = documentCache
        self.renderer = renderer
        self.clock = clock
        self.ids = ids
        self.metrics = metrics
    }

    /// The Paris day of an instant: what the rules call today.
    func today(_ now: Date) -> CivilDate { CivilDate(now) }

    // MARK: JSON

    static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }

    static func jsonBytes(_ value: some Encodable) throws -> [UInt8] {
        Array(try encoder().encode(value))
    }

    static func json(_ value: some Encodable, status: HTTPResponse.Status = .ok) throws -> Response {
        bytes(try jsonBytes(value), status: status, contentType: "application/json")
    }

    static func bytes(_ bytes: [UInt8], status: HTTPResponse.Status, contentType: String, headers: HTTPFields = [:]) -> Response {
        var fields = headers
        if !contentType.isEmpty { fields[.contentType] = contentType }
        return Response(status: status, headers: fields, body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    public static func sha256Hex(_ bytes: [UInt8]) -> String {
        SHA256.hash(data: bytes).map { String(format: "%02x", $0) }.joined()
    }

    // MARK: Documents

    /// Renders with the render metrics (count and time by kind and format).
    /// Runs on the render pool, behind its bounded queue (503 when full); queue wait and render time by kind.
    func render(_ document: DocumentRecord, seal: DocumentSeal? = nil, format: OutputFormat, dpi: Double = 300) async throws -> [UInt8] {
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
    func document(_ record: DocumentRecord, seal: DocumentSeal? = nil, format: OutputFormat, dpi: Double = 300,
                  filename: String, served: (NIR, ServedDocument.Kind, Identifier), request: Request, inline: Bool = true,
                  registered: String? = nil) async throws -> Response {
        let etag = try Self.etag(record, seal: seal, format: format, dpi: dpi, version: renderer.contentVersion)
        var headers: HTTPFields = [:]
        headers[.eTag] = "\"\(etag)\""
        // Personal documents: never in a shared cache; the caller's own cache revalidates with the ETag.
        headers[.cacheControl] = "private, no-cache"
        headers[.contentDisposition] = "\(inline ? "inline" : "attachment"); filename=\"\(filename)\""
        if let match = request.headers[.ifNoneMatch], match.split(separator: ",").contains(where: { $0.trimmingCharacters(in: .whitespaces) == "\"\(etag)\"" }) {
            return Self.bytes([], status: .notModified, contentType: "", headers: headers)
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
        return Self.bytes(bytes, status: .ok, contentType: format.mediaType, headers: headers)
    }

    /// The ETag of a document from its inputs: equal on every replica of a build, different whenever the bytes
    /// could differ.
    static func etag(_ record: DocumentRecord, seal: DocumentSeal?, format: OutputFormat, dpi: Double, version: String) throws -> String {
        let head = "amelidocs-etag-1\n\(version)\n\(record.kind.rawValue)\n\(format.rawValue)\n\(format == .png ? dpi : 0)\n\(seal?.text ?? "")\n"
        return sha256Hex(Array(head.utf8) + Array(try record.encoded()))
    }

    // MARK: Idempotency

    /// The `Idempotency-Key` of a POST, scoped to the caller and fingerprinted with method, path and body.
    func idempotencyKey(_ request: Request, body: RequestBody, caller: Caller) throws -> IdempotencyKey? {
        guard let key = request.headers[HTTPField.Name("Idempotency-Key")!] else { return nil }
        guard (1...255).contains(key.utf8.count), key.utf8.allSatisfy({ (0x21...0x7E).contains($0) }) else {
            throw APIProblem(.invalidField, detail: "L'en-tête Idempotency-Key doit comporter de 1 à 255 caractères ASCII visibles.",
                             errors: [.init(field: "Idempotency-Key", code: APIProblem.Code.invalidField.rawValue, detail: "Clé invalide.")])
        }
        let fingerprint = Self.sha256Hex(Array("\(request.method.rawValue) \(request.uri.path)\n".utf8) + body.bytes)
        return IdempotencyKey(principal: caller.nir.value, key: key, fingerprint: fingerprint)
    }

    /// The answer of a procedure: the one just decided, or the first one replayed for a repeated key.
    static func answer(_ result: ProcedureResult<StoredResponse>) -> Response {
        switch result {
        case .performed(let response):
            return bytes(response.body, status: .init(code: response.status), contentType: response.contentType)
        case .replayed(let response):
            var headers: HTTPFields = [:]
            headers[HTTPField.Name("Idempotent-Replayed")!] = "true"
            return bytes(response.body, status: .init(code: response.status), contentType: response.contentType, headers: headers)
        }
    }

    /// A procedure's answer, kept for replay when the request carried an idempotency key.
    static func stored(_ value: some Encodable, status: HTTPResponse.Status) throws -> StoredResponse {
        StoredResponse(status: status.code, contentType: "application/json", body: try jsonBytes(value))
    }
}
