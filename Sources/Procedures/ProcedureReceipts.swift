// ProcedureReceipts: what a procedure that changes a household answers, in the domain's own types. Each is kept
// with its idempotency key, so that a repeated request gets the first answer, not a second procedure.
package import Records
package import TeleserviceRules

/// A card ordered or renewed early, with the provisional certificate when departure is within 15 days.
package struct CardOrderReceipt: Codable, Sendable, Equatable {
    package let order: CardOrder
    package let certificate: ProvisionalCertificate?
    /// The acknowledgement's message in the inbox (R_ACK).
    package let acknowledgement: Identifier
}

/// A loss or theft declared, and the card it cancelled, as it stood on the day of the declaration.
package struct LossReceipt: Codable, Sendable, Equatable {
    package let declaration: LossDeclaration
    package let card: Card
    /// The day the declaration was received: a replay shows the card's state as the first answer did.
    package let day: CivilDate
    package let acknowledgement: Identifier
}

/// A proxy given, with its confirmation in the register.
package struct ProxyReceipt: Codable, Sendable, Equatable {
    package let proxy: Proxy
    package let acknowledgement: Identifier
}

/// A card produced for an order (R_FULFIL), as it stood on the day of fulfilment.
package struct FulfilmentReceipt: Codable, Sendable, Equatable {
    package let card: Card
    package let day: CivilDate
}
