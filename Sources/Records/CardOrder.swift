// CardOrder: a request for a new card (first order or early renewal) until card production fulfils it.
public import Foundation

public enum OrderKind: String, Hashable, Sendable, Codable {
    /// No usable card: never had one, expired, or cancelled after a loss or theft (R_ORDER).
    case order
    /// An active card in its last two months (R_RENEW_WINDOW).
    case renewal
}

public enum OrderStatus: String, Hashable, Sendable, Codable {
    /// Sent to card production; blocks a second order (R_ONE_OPEN_ORDER).
    case inProgress = "in-progress"
    /// The card was produced and became the beneficiary's active card (R_FULFIL).
    case fulfilled
}

public struct CardOrder: Hashable, Sendable, Codable {
    public let id: Identifier
    public let beneficiaryID: Identifier
    public let kind: OrderKind
    public var status: OrderStatus
    public let submittedAt: Date
    public let departureWithin15Days: Bool
    /// The number reserved for the card being produced, printed on a certificate when no earlier card exists.
    public let reservedCardNumber: CardNumber

    public init(id: Identifier, beneficiaryID: Identifier, kind: OrderKind, status: OrderStatus = .inProgress,
                submittedAt: Date, departureWithin15Days: Bool, reservedCardNumber: CardNumber) {
        self.id = id
        self.beneficiaryID = beneficiaryID
        self.kind = kind
        self.status = status
        self.submittedAt = submittedAt
        self.departureWithin15Days = departureWithin15Days
        self.reservedCardNumber = reservedCardNumber
    }
}
