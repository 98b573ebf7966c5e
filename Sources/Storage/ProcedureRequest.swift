// ProcedureRequest: which household a procedure locks, and what it needs from the store inside the transaction.
public import Records
public import TeleserviceRules

public struct ProcedureRequest: Sendable {
    /// The household to lock.
    public var nir: NIR
    /// Set for POSTs carrying an `Idempotency-Key`: checked and recorded inside the same transaction.
    public var idempotency: IdempotencyKey?
    /// True when the decision may need a new card number: the store allocates the next serial in the transaction.
    public var allocatesCardSerial: Bool

    public init(nir: NIR, idempotency: IdempotencyKey? = nil, allocatesCardSerial: Bool = false) {
        self.nir = nir
        self.idempotency = idempotency
        self.allocatesCardSerial = allocatesCardSerial
    }
}

/// An idempotency key as the caller sent it, scoped to the authenticated caller (`principal`), with a
/// fingerprint of the request (method, path and body) so that a reuse for another request is recognised.
public struct IdempotencyKey: Sendable, Hashable {
    public var principal: String
    public var key: String
    public var fingerprint: String

    public init(principal: String, key: String, fingerprint: String) {
        self.principal = principal
        self.key = key
        self.fingerprint = fingerprint
    }
}

/// What the decision sees: the locked household, its history (for ratings) and, when asked for, a freshly
/// allocated card serial.
public struct ProcedureContext: Sendable {
    public let household: Household
    public let history: [ProcedureEntry]
    public let cardSerial: Int?

    public init(household: Household, history: [ProcedureEntry], cardSerial: Int?) {
        self.household = household
        self.history = history
        self.cardSerial = cardSerial
    }
}

/// What the decision asks the store to commit, the value handed back to the caller, and (for idempotent
/// requests) the response to replay later.
public struct ProcedureCommit<Value: Sendable>: Sendable {
    public var changes: HouseholdChanges
    public var value: Value
    public var response: StoredResponse?

    public init(changes: HouseholdChanges, value: Value, response: StoredResponse? = nil) {
        self.changes = changes
        self.value = value
        self.response = response
    }
}

public enum ProcedureResult<Value: Sendable>: Sendable {
    /// Decided and committed now.
    case performed(Value)
    /// The same idempotency key and request were seen before: the first answer, nothing done.
    case replayed(StoredResponse)
}

/// An HTTP answer kept for idempotent replay. The store knows bytes, not HTTP.
public struct StoredResponse: Sendable, Hashable {
    public var status: Int
    public var contentType: String
    public var body: [UInt8]

    public init(status: Int, contentType: String, body: [UInt8]) {
        self.status = status
        self.contentType = contentType
        self.body = body
    }
}
