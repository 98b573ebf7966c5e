// AuthenticationMiddleware: no route under /v1 runs without a valid bearer token; admin routes need the role.
public import Foundation
public import Hummingbird

/// Runs before every route (the generated routes are registered on one router, so groups cannot carry it).
/// Which paths need a caller follows openapi.yaml's security: everything under /v1 but the two public seal routes;
/// /v1/admin needs the admin role. A path no route answers is left to the router (404, or 405 with Allow).
public struct AuthenticationMiddleware: RouterMiddleware {
    public typealias Context = AppRequestContext

    let tokens: AccessTokens
    let clock: @Sendable () -> Date
    let routes: RouteTable

    /// SEAL.md: anyone holding a paper verifies it, without an account.
    static let publicPaths: Set<String> = ["/v1/verification-keys", "/v1/verifications"]

    public init(tokens: AccessTokens, clock: @escaping @Sendable () -> Date, routes: RouteTable) {
        self.tokens = tokens
        self.clock = clock
        self.routes = routes
    }

    public func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let path = request.uri.path
        var scope = RequestScope(caller: nil, clientAddress: context.clientAddress, method: request.method.rawValue, path: path,
                                 logger: context.logger)
        // The prefix first: the route table is only looked at for /v1 paths (not for pages, /health or /metrics).
        if path.hasPrefix("/v1/"), !Self.publicPaths.contains(path), routes.allowedMethods(for: path).contains(request.method.rawValue) {
            guard let header = request.headers[.authorization], header.lowercased().hasPrefix("bearer ") else {
                throw APIProblem(.unauthorized, detail: "Authentification requise : présentez un jeton (Authorization: Bearer …).")
            }
            let token = String(header.dropFirst("bearer ".count)).trimmingCharacters(in: .whitespaces)
            guard let caller = await tokens.verify(token, now: clock()) else {
                throw APIProblem(.unauthorized, detail: "Le jeton présenté est invalide ou a expiré.")
            }
            if path.hasPrefix("/v1/admin/"), !caller.isAdmin {
                throw APIProblem(.forbidden, detail: "Cette opération est réservée aux administrateurs.")
            }
            scope.caller = caller
        }
        return try await RequestScope.$current.withValue(scope) { try await next(request, context) }
    }
}
