// DocumentRendering: how the service asks for a document's bytes. The real pipeline conforms as it is; tests may
// substitute a renderer that fails, to prove a rendering error is a 500 with a request id.
public import DocumentPipeline
public import Documents

/// Rendering is deterministic (same record, same bytes), which is why documents are rendered on request from
/// stored records rather than stored as bytes.
public protocol DocumentRendering: Sendable {
    /// `dpi` matters for PNG only; `seal` is the register's seal of the document (nil for the bare card image).
    func render(_ record: DocumentRecord, seal: DocumentSeal?, format: OutputFormat, dpi: Double) throws -> [UInt8]
    /// Changes whenever the same record could render differently (templates, fonts, engine): part of every ETag,
    /// so that ETags are computed before rendering and are equal on every replica running the same build.
    var contentVersion: String { get }
    /// The bound description a render starts from, with the seal's block: the accessible HTML twin reads it.
    func describe(_ record: DocumentRecord, seal: DocumentSeal?) throws -> DocumentDescription
}

/// One pipeline (fonts and templates loaded once, immutable) serves every request concurrently.
extension DocumentPipeline: DocumentRendering {}

