// ProblemMiddleware: the one place where errors become answers (problem+json); a 500 only for a real fault.
import APIContract
import Hummingbird
import Logging
import OpenAPIRuntime
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

    static func problem(for error: any Error, context: Context) -> APIProblem {
        switch error {
        case let problem as APIProblem:
            return problem
        case let server as ServerError:
            return contractProblem(server, context: context)
        case let refusal as Refusal:
            return refusal.problem
        case let invalid as RecordError:
            return APIProblem.invalid(invalid)
        case let stored as StoreError:
            switch stored {
            case .householdNotFound:
                return .notFound
            case .idempotencyKeyReused:
                // IETF draft "The Idempotency-Key HTTP Header Field", §2.7: a key reused for another payload is 422.
                var problem = APIProblem(.conflict, detail: "Cette clé d'idempotence a déjà servi pour une autre requête : utilisez une nouvelle clé.",
                                         errors: [.init(field: "Idempotency-Key", code: APIProblem.Code.conflict.rawValue, detail: "Clé déjà utilisée.")])
                problem.status = .unprocessableContent
                return problem
            case .conflict:
                return APIProblem(.conflict, detail: "Une autre demande a modifié votre dossier au même moment. Merci de réessayer.")
            case .corruptRow:
                return internalError(error, context: context)
            }
        case let http as HTTPError:
            switch http.status {
            case .notFound: return .notFound
            case .contentTooLarge: return APIProblem(.payloadTooLarge, detail: "La requête dépasse la taille maximale admise.")
            case .unauthorized: return APIProblem(.unauthorized, detail: "Authentification requise.")
            case .forbidden: return APIProblem(.forbidden, detail: "Accès refusé.")
            case .badRequest: return APIProblem(.invalidJSON, detail: "La requête est mal formée.")
            default:
                if http.status.kind == .clientError {
                    return APIProblem(status: http.status, code: APIProblem.Code.invalidField.rawValue, title: http.status.reasonPhrase,
                                      detail: "La requête ne peut pas être traitée.")
                }
                return internalError(error, context: context)
            }
        default:
            return internalError(error, context: context)
        }
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
            return RequestBody.problem(decoding)
        default:
            switch error.httpStatus {
            case .unsupportedMediaType:
                return APIProblem.unsupportedBody
            case .notAcceptable:
                return APIProblem(.notAcceptable, detail: "Cette ressource n'est disponible que dans le format décrit par le contrat de l'API (voir /openapi.yaml).")
            case let status where status.kind == .clientError:
                return APIProblem(.invalidField, detail: "Un paramètre de la requête est manquant ou invalide (voir /openapi.yaml).")
            default:
                return internalError(inner, context: context)
            }
        }
    }

    private static func internalError(_ error: any Error, context: Context) -> APIProblem {
        context.logger.error("internal error", metadata: [
            "error.type": .string(String(reflecting: type(of: error))),
            "error.message": .string(LogRedaction.redact(String(describing: error))),
        ])
        var problem = APIProblem(.internalError, detail: "Une erreur interne est survenue. Si elle persiste, communiquez la référence \(context.id) à votre caisse.")
        problem.requestID = context.id
        return problem
    }
}
