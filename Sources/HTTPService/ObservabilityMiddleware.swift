// ObservabilityMiddleware: one log line and the metrics of every request, with its request id, no personal data.
import HTTPEdge
import Procedures
import Hummingbird
import HTTPTypes
import Logging

/// Logs the route pattern (`/v1/admin/insured/{nir}`), never the path itself, which may carry a NIR.
struct ObservabilityMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext

    let metrics: ServiceMetrics

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = ContinuousClock.now
        var status = 500
        defer {
            let route = context.endpointPath ?? "unmatched"
            let duration = ContinuousClock.now - start
            metrics.recordRequest(route: route, method: request.method.rawValue, status: status, duration: duration)
            context.logger.info("request", metadata: [
                "http.method": .string(request.method.rawValue),
                "http.route": .string(route),
                "http.status": .stringConvertible(status),
                "duration_ms": .stringConvertible((Double(duration.nanoseconds) / 1e6).rounded()),
            ])
        }
        var response = try await next(request, context)
        status = response.status.code
        response.headers[HTTPField.Name("X-Request-ID")!] = context.id
        return response
    }
}
