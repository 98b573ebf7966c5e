// AmeliService+Operations: liveness with a database check, Prometheus metrics, the OpenAPI document.
import Hummingbird
import Logging
import Storage

extension AmeliService {
    /// `GET /health`: 200 when the database answers, 503 otherwise.
    func health(_ request: Request, context: AppRequestContext) async throws -> Response {
        do {
            try await store.checkHealth()
        } catch {
            context.logger.error("health check failed", metadata: ["error.type": .string(String(reflecting: type(of: error)))])
            throw APIProblem(.unavailable, detail: "La base de données ne répond pas.")
        }
        return try Self.json(["status": "ok", "database": "ok"])
    }

    /// `GET /metrics`: Prometheus text exposition format 0.0.4.
    func metricsText(_ request: Request, context: AppRequestContext) async throws -> Response {
        Self.bytes(metrics.exposition(), status: .ok, contentType: "text/plain; version=0.0.4; charset=utf-8")
    }

    /// `GET /openapi.yaml`: the committed document, which a test keeps equal to the router's routes.
    func openAPI(_ request: Request, context: AppRequestContext) async throws -> Response {
        Self.bytes(Array(OpenAPIDocument.yaml.utf8), status: .ok, contentType: "application/yaml; charset=utf-8")
    }
}
