// RequestScopeMiddleware: every request gets its scope (where it comes from, its logger), with no caller yet.
import HTTPEdge
import Procedures
import Hummingbird

/// The caller is added by `AuthorizationMiddleware` once the operation is known, or by the pages' session; nothing
/// here looks at the path to decide who may pass.
struct RequestScopeMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let scope = RequestScope(caller: nil, clientAddress: context.clientAddress, method: request.method.rawValue,
                                 path: request.uri.path, logger: context.logger)
        return try await RequestScope.$current.withValue(scope) { try await next(request, context) }
    }
}
