// RequestScope: what a generated operation handler knows of its request beyond its typed input.
import HTTPEdge
import Procedures
import APIContract
import Hummingbird
import Logging

/// The generated `APIProtocol` methods receive only the typed input of openapi.yaml; who is calling, from where,
/// and the exact bytes of the body (an idempotency key's fingerprint) come from here. `RequestScopeMiddleware`
/// binds it around the router's handler, `AuthorizationMiddleware` adds the caller, `ContractMiddleware` adds the body it has read.
struct RequestScope: Sendable {
    var caller: Caller?
    /// The peer's IP address (no port), for per-client rate limits; nil when the request has no socket (tests).
    var clientAddress: String?
    var method: String
    var path: String
    var logger: Logger
    /// The body as received, once `ContractMiddleware` has read and checked it.
    var body: [UInt8] = []

    @TaskLocal static var current: RequestScope?

    /// The scope of the running request; a handler outside one is a programming error answered as 401, not a crash.
    static func require() throws -> RequestScope {
        guard let scope = current else { throw APIProblem(.unauthorized, detail: "Authentification requise.") }
        return scope
    }

    /// The authenticated caller; every operation under /v1 except the public ones has one.
    static func caller() throws -> Caller {
        guard let caller = current?.caller else { throw APIProblem(.unauthorized, detail: "Authentification requise.") }
        return caller
    }
}

extension ProcedureCall {
    /// The call of the API request being handled: its caller, and its key over its method, path and body.
    static func ofRequest(idempotencyKey header: String? = nil) throws -> ProcedureCall {
        let scope = try RequestScope.require()
        return try ProcedureCall(caller: try RequestScope.caller(), key: header, method: scope.method, path: scope.path, body: scope.body)
    }
}
