// AuthorizationMiddleware: an operation runs only for the caller its contract's `security` asks for.
import HTTPEdge
import Procedures
import Foundation
import HTTPTypes
import OpenAPIRuntime

/// Decides from the matched operation (`operationID`), never from the path string: the router reaches one operation
/// through many spellings of its path (`//v1/…`, a trailing slash), and each gets the operation's decision. It is the
/// first of the generated server's middlewares, so an unauthorised caller's body is not even read.
struct AuthorizationMiddleware: ServerMiddleware {
    let tokens: AccessTokens
    let clock: @Sendable () -> Date
    let security: OperationSecurity

    func intercept(
        _ request: HTTPRequest, body: HTTPBody?, metadata: ServerRequestMetadata, operationID: String,
        next: @Sendable (HTTPRequest, HTTPBody?, ServerRequestMetadata) async throws -> (HTTPResponse, HTTPBody?)
    ) async throws -> (HTTPResponse, HTTPBody?) {
        let requirement = security.requirement(of: operationID)
        guard requirement != .anyone else { return try await next(request, body, metadata) }
        let caller = try await authenticate(request.headerFields[.authorization])
        if requirement == .admin, !caller.isAdmin { throw APIProblem.adminOnly }
        var scope = try RequestScope.require()
        scope.caller = caller
        return try await RequestScope.$current.withValue(scope) { try await next(request, body, metadata) }
    }

    /// The caller a `Bearer` token proves; 401 for a missing, forged or expired one.
    private func authenticate(_ header: String?) async throws -> Caller {
        guard let header, header.lowercased().hasPrefix("bearer ") else {
            throw APIProblem(.unauthorized, detail: "Authentification requise : présentez un jeton (Authorization: Bearer …).")
        }
        let token = String(header.dropFirst("bearer ".count)).trimmingCharacters(in: .whitespaces)
        guard let caller = await tokens.verify(token, now: clock()) else {
            throw APIProblem(.unauthorized, detail: "Le jeton présenté est invalide ou a expiré.")
        }
        return caller
    }
}
