// AuthenticationMiddleware: no route under /v1 runs without a valid bearer token; admin routes need the role.
public import Foundation
public import Hummingbird

public struct AuthenticationMiddleware: RouterMiddleware {
    public typealias Context = AppRequestContext

    let tokens: AccessTokens
    let clock: @Sendable () -> Date
    let requiresAdmin: Bool

    public init(tokens: AccessTokens, clock: @escaping @Sendable () -> Date, requiresAdmin: Bool = false) {
        self.tokens = tokens
        self.clock = clock
        self.requiresAdmin = requiresAdmin
    }

    public func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        if context.caller == nil {
            guard let header = request.headers[.authorization], header.lowercased().hasPrefix("bearer ") else {
                throw APIProblem(.unauthorized, detail: "Authentification requise : présentez un jeton (Authorization: Bearer …).")
            }
            let token = String(header.dropFirst("bearer ".count)).trimmingCharacters(in: .whitespaces)
            guard let caller = await tokens.verify(token, now: clock()) else {
                throw APIProblem(.unauthorized, detail: "Le jeton présenté est invalide ou a expiré.")
            }
            context.caller = caller
        }
        if requiresAdmin, context.caller?.isAdmin != true {
            throw APIProblem(.forbidden, detail: "Cette opération est réservée aux administrateurs.")
        }
        return try await next(request, context)
    }
}
