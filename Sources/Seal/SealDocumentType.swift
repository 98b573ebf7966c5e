// SealDocumentType: the four documents AmeliDocs seals, and which message fields each one carries.

/// The header's document type (SEAL.md), with the fields its message carries.
public enum SealDocumentType: String, CaseIterable, Sendable, Codable {
    /// E1: provisional replacement certificate.
    case certificate = "E1"
    /// E2: acknowledgement of a procedure.
    case acknowledgement = "E2"
    /// E3: confirmation of a proxy.
    case proxyConfirmation = "E3"
    /// E4: print copy of the card.
    case cardCopy = "E4"

    /// The fields of this type's message, in message order (SEAL.md's table order); every one is required.
    public var fields: [SealField] {
        switch self {
        case .certificate:
            [.documentID, .lastName, .givenNames, .birthDate, .personalNumber, .institutionNumber, .cardNumber,
             .cardExpiry, .validFrom, .validUntil]
        case .acknowledgement: [.documentID, .lastName, .givenNames, .procedure, .receivedAt]
        case .proxyConfirmation: [.documentID, .lastName, .givenNames, .validUntil, .holderLastName, .holderFirstName]
        case .cardCopy: [.documentID, .lastName, .givenNames, .birthDate, .cardNumber, .cardExpiry]
        }
    }
}
