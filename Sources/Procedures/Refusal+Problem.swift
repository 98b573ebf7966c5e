// Refusal+Problem: a rule refusal as an answer — the rule id as code, the French message as detail.
import HTTPTypes
public import TeleserviceRules
import Records

extension Refusal {
    /// API.md: rule refusals answer 409, or 422 for input that can never be valid.
    /// A `notFound` refusal (another household's beneficiary or order) answers exactly like any absent id.
    public var problem: APIProblem {
        let status: HTTPResponse.Status
        switch kind {
        case .conflict: status = .conflict
        case .invalidInput: status = .unprocessableContent
        case .notFound: return .notFound
        }
        var problem = APIProblem(status: status, code: rule.rawValue, title: "Demande refusée", detail: message,
                                 errors: fieldErrors.map { APIProblem.FieldError(field: $0.field, code: $0.code.rawValue, detail: $0.detail) })
        problem.availableFrom = availableFrom
        return problem
    }
}
