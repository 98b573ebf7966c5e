// ProcedureCall: who runs a procedure and under which idempotency key, given explicitly by each door.
import Records
package import Storage

/// The API's handlers build it from their request (the token's caller, the Idempotency-Key header, the body's
/// bytes); the pages from their session and their form (its hidden key and its bytes). The procedures take it as
/// an argument and read no task-local, so neither door has to pretend to be the other, and a repeated submission is
/// recognised the same way through both.
package struct ProcedureCall: Sendable {
    package let caller: Caller
    package let idempotency: IdempotencyKey?

    /// A call without an idempotency key (the pages' document views, the API's reads).
    package init(caller: Caller, idempotency: IdempotencyKey? = nil) {
        self.caller = caller
        self.idempotency = idempotency
    }

    /// `key` (a header or a form's hidden field) scoped to the caller and fingerprinted with the request's method,
    /// path and body bytes: the same key with another body is a conflict, never a replay of the first answer.
    package init(caller: Caller, key: String?, method: String, path: String, body: [UInt8]) throws {
        self.caller = caller
        guard let key else {
            self.idempotency = nil
            return
        }
        guard (1...255).contains(key.utf8.count), key.utf8.allSatisfy({ (0x21...0x7E).contains($0) }) else {
            throw APIProblem(.invalidField, detail: "L'en-tête Idempotency-Key doit comporter de 1 à 255 caractères ASCII visibles.",
                             errors: [.init(field: "Idempotency-Key", code: APIProblem.Code.invalidField.rawValue, detail: "Clé invalide.")])
        }
        let fingerprint = AmeliService.sha256Hex(Array("\(method) \(path)\n".utf8) + body)
        self.idempotency = IdempotencyKey(principal: caller.nir.value, key: key, fingerprint: fingerprint)
    }
}
