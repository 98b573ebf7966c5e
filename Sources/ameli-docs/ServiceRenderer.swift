// ServiceRenderer: the rendering pipeline the served documents come from.
import HTTPService

enum ServiceRenderer {
    /// Fails at start, naming the missing file, rather than on the first document request.
    static func make() throws -> any DocumentRendering {
        try PipelineRenderer.located()
    }
}
