// API+Operations: liveness with a database check, Prometheus metrics, the OpenAPI document.
import HTTPEdge
import Procedures
import APIContract
import Logging
import OpenAPIRuntime
import Storage

extension AmeliService {
    /// `GET /health`: 200 when the database answers, 503 otherwise.
    func health(_ input: Operations.Health.Input) async throws -> Operations.Health.Output {
        do {
            try await checkHealth()
        } catch {
            RequestScope.current?.logger.error("health check failed", metadata: ["error.type": .string(String(reflecting: type(of: error)))])
            throw APIProblem(.unavailable, detail: "La base de données ne répond pas.")
        }
        return .ok(.init(body: .json(.init(status: .ok, database: .ok))))
    }

    /// `GET /metrics`: Prometheus text exposition format 0.0.4, for admins only: its counts (notices failed, routes
    /// answered) describe the service's traffic to anyone who can read them.
    func metrics(_ input: Operations.Metrics.Input) async throws -> Operations.Metrics.Output {
        .ok(.init(body: .plainText(HTTPBody(try metricsExposition(try RequestScope.caller())))))
    }

    /// `GET /openapi.yaml`: the file the server's routes and types are generated from, as it was at start.
    func openAPIDocument(_ input: Operations.OpenAPIDocument.Input) async throws -> Operations.OpenAPIDocument.Output {
        .ok(.init(body: .yaml(HTTPBody(contract))))
    }
}
