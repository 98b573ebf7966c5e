// DocumentRendering: how the service asks for a document's bytes, without knowing the rendering pipeline.
public import Storage
public import TeleserviceRules

/// The four documents of DOMAIN.md, as their stored contents.
public enum RenderableDocument: Sendable, Hashable {
    case certificate(ProvisionalCertificate)
    case card(CardFace)
    case acknowledgement(Acknowledgement)
    case proxyConfirmation(ProxyConfirmation)

    /// The metrics label and the served-document kind.
    public var kind: ServedDocument.Kind {
        switch self {
        case .certificate: return .certificate
        case .card: return .card
        case .acknowledgement: return .acknowledgement
        case .proxyConfirmation: return .proxyConfirmation
        }
    }
}

public enum DocumentFormat: String, Sendable, Hashable {
    case pdf, png

    public var contentType: String { self == .pdf ? "application/pdf" : "image/png" }
}

/// The rendering pipeline as the service sees it. Rendering is deterministic (same document, same bytes), which
/// is why documents are rendered on request from stored records rather than stored as bytes.
public protocol DocumentRendering: Sendable {
    /// `dpi` matters for PNG only.
    func render(_ document: RenderableDocument, format: DocumentFormat, dpi: Double) throws -> [UInt8]
}
