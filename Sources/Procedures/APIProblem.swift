// APIProblem: an error answer of API.md, `application/problem+json` with a stable code and a French detail.
public import HTTPTypes
public import Records
import Foundation
import Storage
import TeleserviceRules

/// Every error a procedure or a door answers goes through this type (see `APIProblem(procedureError:)`): rule refusals, input
/// errors, authentication, absent or gone documents. The `code` is API.md's: a rule id of DOMAIN.md or one of
/// the fixed codes below.
public struct APIProblem: Error, Sendable, Equatable {
    /// API.md's fixed codes, and the two it leaves to us (`internal-error`, `unavailable`).
    public enum Code: String, Sendable, CaseIterable {
        case invalidJSON = "invalid-json"
        case invalidField = "invalid-field"
        case invalidNIR = "invalid-nir"
        case unauthorized
        case forbidden
        case notFound = "not-found"
        case gone
        case conflict
        case payloadTooLarge = "payload-too-large"
        case internalError = "internal-error"
        case unavailable
        /// SEAL.md: text that is not a seal, and an image in which no seal could be read.
        case invalidSeal = "invalid-seal"
        case noSealFound = "no-seal-found"
        /// Too many requests from one client on a public route.
        case tooManyRequests = "too-many-requests"
        /// A body in a media type the route does not take.
        case unsupportedMediaType = "unsupported-media-type"
        /// A known path asked with a method it does not answer (405, with Allow).
        case methodNotAllowed = "method-not-allowed"
        /// The answer's media types do not include one the request's Accept header takes (406).
        case notAcceptable = "not-acceptable"
    }

    public struct FieldError: Sendable, Equatable, Codable {
        public var field: String
        public var code: String
        public var detail: String
    }

    public var status: HTTPResponse.Status
    /// A rule id (`R_NPAI`) or a `Code` raw value.
    public var code: String
    public var title: String
    public var detail: String
    public var errors: [FieldError]
    /// Set only on internal errors, so that a person can quote it and the log line can be found.
    public var requestID: String?
    /// The first day a refused action becomes possible (R_RENEW_WINDOW), as `availableFrom` in the body.
    public var availableFrom: CivilDate?
    /// Extra headers (`WWW-Authenticate` on 401).
    public var headers: HTTPFields

    public init(status: HTTPResponse.Status, code: String, title: String, detail: String, errors: [FieldError] = [],
                requestID: String? = nil, headers: HTTPFields = [:]) {
        self.status = status
        self.code = code
        self.title = title
        self.detail = detail
        self.errors = errors
        self.requestID = requestID
        self.availableFrom = nil
        self.headers = headers
    }

    public init(_ code: Code, detail: String, errors: [FieldError] = []) {
        self.init(status: code.status, code: code.rawValue, title: code.title, detail: detail, errors: errors)
        if code == .unauthorized { headers[.wwwAuthenticate] = "Bearer" }
    }

    /// The same answer for an absent id and for another household's (API.md: indistinguishable).
    public static let notFound = APIProblem(.notFound, detail: "La ressource demandée n'existe pas.")

    /// A body in a media type the operation's contract does not list.
    /// A signed-in caller without the admin role, at an operation that needs it.
    package static let adminOnly = APIProblem(.forbidden, detail: "Cette opération est réservée aux administrateurs.")
    package static let unsupportedBody = APIProblem(.unsupportedMediaType, detail: "Ce format de corps n'est pas pris en charge ici.")

    /// One input error: the record's field and French detail, under API.md's code for it.
    public static func invalid(_ error: RecordError, under parent: String? = nil) -> APIProblem {
        invalid([error], under: parent)
    }

    public static func invalid(_ errors: [RecordError], under parent: String? = nil) -> APIProblem {
        let nested = errors.map { parent.map($0.nested(under:)) ?? $0 }
        let code: Code = nested.contains { $0.code == .invalidNIR } ? .invalidNIR : .invalidField
        let detail = nested.count == 1 ? nested[0].detail : "Le formulaire comporte une ou plusieurs erreurs. Merci de vérifier votre saisie."
        return APIProblem(code, detail: detail, errors: nested.map { FieldError(field: $0.field, code: $0.code.rawValue, detail: $0.detail) })
    }

    /// The problem+json body.
    public var body: [UInt8] {
        struct Body: Encodable {
            let status: Int, title: String, detail: String, code: String
            let errors: [FieldError]?, requestId: String?, availableFrom: CivilDate?
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let data = try? encoder.encode(Body(status: status.code, title: title, detail: detail, code: code,
                                            errors: errors.isEmpty ? nil : errors, requestId: requestID,
                                            availableFrom: availableFrom))
        return Array(data ?? Data())
    }
}

extension APIProblem.Code {
    public var status: HTTPResponse.Status {
        switch self {
        case .invalidJSON: return .badRequest
        case .invalidField, .invalidNIR: return .unprocessableContent
        case .unauthorized: return .unauthorized
        case .forbidden: return .forbidden
        case .notFound: return .notFound
        case .gone: return .gone
        case .conflict: return .conflict
        case .payloadTooLarge: return .contentTooLarge
        case .internalError: return .internalServerError
        case .unavailable: return .serviceUnavailable
        case .invalidSeal, .noSealFound: return .unprocessableContent
        case .tooManyRequests: return .tooManyRequests
        case .unsupportedMediaType: return .unsupportedMediaType
        case .methodNotAllowed: return .methodNotAllowed
        case .notAcceptable: return .notAcceptable
        }
    }

    public var title: String {
        switch self {
        case .invalidJSON: return "Requête illisible"
        case .invalidField: return "Saisie invalide"
        case .invalidNIR: return "Numéro de sécurité sociale invalide"
        case .unauthorized: return "Authentification requise"
        case .forbidden: return "Accès refusé"
        case .notFound: return "Introuvable"
        case .gone: return "Plus disponible"
        case .conflict: return "Conflit"
        case .payloadTooLarge: return "Requête trop volumineuse"
        case .internalError: return "Erreur interne"
        case .unavailable: return "Service indisponible"
        case .invalidSeal: return "Cachet illisible"
        case .noSealFound: return "Aucun cachet trouvé"
        case .tooManyRequests: return "Trop de requêtes"
        case .unsupportedMediaType: return "Format non pris en charge"
        case .methodNotAllowed: return "Méthode non admise"
        case .notAcceptable: return "Format de réponse non disponible"
        }
    }
}

extension APIProblem {
    /// The answer to an error a procedure throws: its own problem, a rule's refusal, an input error, a store's
    /// refusal. Nil for anything else, which each door answers as its own fault (a logged internal error).
    package init?(procedureError error: any Error) {
        switch error {
        case let problem as APIProblem:
            self = problem
        case let refusal as Refusal:
            self = refusal.problem
        case let invalid as RecordError:
            self = APIProblem.invalid(invalid)
        case let stored as StoreError:
            switch stored {
            case .householdNotFound:
                self = .notFound
            case .idempotencyKeyReused:
                // IETF draft "The Idempotency-Key HTTP Header Field", §2.7: a key reused for another payload is 422.
                self = APIProblem(.conflict, detail: "Cette clé d'idempotence a déjà servi pour une autre requête : utilisez une nouvelle clé.",
                                  errors: [.init(field: "Idempotency-Key", code: APIProblem.Code.conflict.rawValue, detail: "Clé déjà utilisée.")])
                status = .unprocessableContent
            case .conflict:
                self = APIProblem(.conflict, detail: "Une autre demande a modifié votre dossier au même moment. Merci de réessayer.")
            case .corruptRow:
                return nil
            }
        default:
            return nil
        }
    }
}
