// Decision: what the rules answer — accepted with an outcome, or refused with the rule and a French message.
public import Records

/// Why a request was refused: the rule (a stable code), the French message a person reads, and what they can do.
public struct Refusal: Error, Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        /// The request is well formed but the household's state forbids it now (HTTP 409).
        case conflict
        /// The request can never be valid as written (HTTP 422).
        case invalidInput
        /// The request names something that is not the caller's (HTTP 404, like absent).
        case notFound
    }

    public let rule: RuleID
    public let kind: Kind
    public let message: String
    /// For a refusal that time will lift: the first day the action becomes possible (R_RENEW_WINDOW).
    public let availableFrom: CivilDate?
    /// Field by field, for form errors (P_FIELDS, R_LOSS dates).
    public let fieldErrors: [RecordError]

    public init(_ rule: RuleID, _ kind: Kind = .conflict, _ message: String, availableFrom: CivilDate? = nil,
                fieldErrors: [RecordError] = []) {
        self.rule = rule
        self.kind = kind
        self.message = message
        self.availableFrom = availableFrom
        self.fieldErrors = fieldErrors
    }
}

public enum Decision<Outcome: Sendable>: Sendable {
    case accepted(Outcome)
    case refused(Refusal)

    /// The outcome, or the refusal thrown (for callers that prefer `try`).
    public func get() throws(Refusal) -> Outcome {
        switch self {
        case .accepted(let outcome): return outcome
        case .refused(let refusal): throw refusal
        }
    }

    public var refusal: Refusal? {
        if case .refused(let refusal) = self { return refusal }
        return nil
    }

    public var outcome: Outcome? {
        if case .accepted(let outcome) = self { return outcome }
        return nil
    }
}

extension Decision: Equatable where Outcome: Equatable {}
