// APIProblem+Response: a problem as Hummingbird's answer, and every error a door meets as a problem.
public import Hummingbird
import Logging
public import Procedures
public import TeleserviceRules

extension APIProblem: HTTPResponseError {
    /// The problem+json answer, with its extra headers (`WWW-Authenticate`, `Retry-After`, `Allow`).
    public var response: Response {
        var fields = headers
        fields[.contentType] = "application/problem+json"
        return Response(status: status, headers: fields, body: ResponseBody(byteBuffer: ByteBuffer(bytes: body)))
    }

    public func response(from request: Request, context: some RequestContext) throws -> Response { response }

    /// What the API and the pages answer for an error of theirs: a procedure's problem, Hummingbird's own errors
    /// (a body over its limit, no route), and otherwise an internal error, logged with the request's id, which the
    /// answer quotes so that a person can name it to their office.
    package static func answering(_ error: any Error, context: some RequestContext) -> APIProblem {
        if let problem = APIProblem(procedureError: error) { return problem }
        if let http = error as? HTTPError {
            switch http.status {
            case .notFound: return .notFound
            case .contentTooLarge: return APIProblem(.payloadTooLarge, detail: "La requête dépasse la taille maximale admise.")
            case .unauthorized: return APIProblem(.unauthorized, detail: "Authentification requise.")
            case .forbidden: return APIProblem(.forbidden, detail: "Accès refusé.")
            case .badRequest: return APIProblem(.invalidJSON, detail: "La requête est mal formée.")
            case let status where status.kind == .clientError:
                return APIProblem(status: status, code: APIProblem.Code.invalidField.rawValue, title: status.reasonPhrase,
                                  detail: "La requête ne peut pas être traitée.")
            default:
                break
            }
        }
        return internalError(error, context: context)
    }

    package static func internalError(_ error: any Error, context: some RequestContext) -> APIProblem {
        context.logger.error("internal error", metadata: [
            "error.type": .string(String(reflecting: type(of: error))),
            "error.message": .string(LogRedaction.redact(String(describing: error))),
        ])
        var problem = APIProblem(.internalError, detail: "Une erreur interne est survenue. Si elle persiste, communiquez la référence \(context.id) à votre caisse.")
        problem.requestID = context.id
        return problem
    }
}

extension Refusal: HTTPResponseError {
    public var status: HTTPResponse.Status { problem.status }
    public func response(from request: Request, context: some RequestContext) throws -> Response { problem.response }
}
