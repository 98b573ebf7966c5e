// ProblemMiddleware: the one place where errors become answers (problem+json); a 500 only for a real fault.
import APIContract
import Hummingbird
import Logging
import OpenAPIRuntime
import HTTPEdge
import Procedures
import Records
import Storage
import TeleserviceRules

struct ProblemMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    /// The routes, to tell "no such path" (404) from "not with this method" (405).
    let routes: RouteTable

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as HTTPError where error.status == .notFound {
            // The router found no route for this method and path; if the path is known, the method is the fault.
            let allowed = routes.allowedMethods(for: request.uri.path)
            guard !allowed.isEmpty else { return APIProblem.notFound.response }
            var problem = APIProblem(.methodNotAllowed,
                                     detail: "La méthode \(request.method.rawValue) n'est pas admise ici (admises : \(allowed.joined(separator: ", "))).")
            problem.headers[.allow] = allowed.joined(separator: ", ")
            return problem.response
        } catch {
            return Self.problem(for: error, context: context).response
        }
    }

    /// The API's answer for an error: the generated server's own errors by their operation, the rest as every door
    /// answers them (`APIProblem.answering`).
    static func problem(for error: any Error, context: Context) -> APIProblem {
        if let server = error as? ServerError { return contractProblem(server, context: context) }
        return APIProblem.answering(error, context: context)
    }

    /// An error out of the generated server: the handler's or middleware's own error inside it, a parameter that
    /// does not decode, or the runtime's refusal of a media type (415) or of the Accept header (406).
    private static func contractProblem(_ error: ServerError, context: Context) -> APIProblem {
        let inner = error.underlyingError
        switch inner {
        case is APIProblem, is Refusal, is RecordError, is StoreError, is HTTPError, is ServerError:
            return problem(for: inner, context: context)
        case is DecodingError where error.operationID == Operations.CardImage.id:
            // The only parameter the contract types as a number: `dpi`.
            return AmeliService.badDPI
        case is DecodingError where error.operationID == Operations.ListNotices.id:
            // `status` outside its enumeration, or `limit` not a number.
            return AmeliService.badNoticeQuery
        case let decoding as DecodingError:
            return Procedures.RequestBody.problem(decoding)
        default:
            switch error.httpStatus {
            case .unsupportedMediaType:
                return APIProblem.unsupportedBody
            case .notAcceptable:
                return APIProblem(.notAcceptable, detail: "Cette ressource n'est disponible que dans le format décrit par le contrat de l'API (voir /openapi.yaml).")
            case let status where status.kind == .clientError:
                return APIProblem(.invalidField, detail: "Un paramètre de la requête est manquant ou invalide (voir /openapi.yaml).")
            default:
                return APIProblem.internalError(inner, context: context)
            }
        }
    }
}
