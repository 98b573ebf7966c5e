// PipelineRenderer: the service's documents from the real rendering pipeline (fonts and templates loaded once).
public import DocumentPipeline
import TeleserviceRules

/// The adapter between `DocumentRendering` (what handlers call) and `DocumentPipeline`. The pipeline is
/// immutable and `Sendable`, so one instance serves every request concurrently.
public struct PipelineRenderer: DocumentRendering {
    public let pipeline: DocumentPipeline

    public init(pipeline: DocumentPipeline) {
        self.pipeline = pipeline
    }

    /// Loads fonts and templates through the one resource locator (AMELI_DOCS_RESOURCES, beside the executable,
    /// the source checkout).
    public static func located() throws -> PipelineRenderer {
        PipelineRenderer(pipeline: try DocumentPipeline(resources: try ResourceLocator.locate()))
    }

    public func render(_ document: RenderableDocument, format: DocumentFormat, dpi: Double) throws -> [UInt8] {
        let record: DocumentRecord = switch document {
        case .certificate(let content): .certificate(content)
        case .card(let content): .card(content)
        case .acknowledgement(let content): .acknowledgement(content)
        case .proxyConfirmation(let content): .proxyConfirmation(content)
        }
        return try pipeline.render(record, format: format == .pdf ? .pdf : .png, dpi: dpi)
    }
}
