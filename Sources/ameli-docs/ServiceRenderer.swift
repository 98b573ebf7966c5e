// ServiceRenderer: the rendering pipeline the served documents come from.
import HTTPService

enum ServiceRenderer {
    static func make() throws -> any DocumentRendering {
        PendingRenderer()
    }
}

/// Until DocumentPipeline lands on main: every document answers a clear error rather than a wrong document.
struct PendingRenderer: DocumentRendering {
    func render(_ document: RenderableDocument, format: DocumentFormat, dpi: Double) throws -> [UInt8] {
        throw APIProblem(.unavailable, detail: "Le rendu des documents n'est pas encore disponible.")
    }
}
