// ProvisionalCertificate: what the provisional replacement certificate (D_CPR) prints, and nothing else.
public import Records

/// EU Decision S2, annex II: the card's data, fields 1 to 9 in the same order, plus the validity period
/// (a) from (b) to, and (c) the date the certificate was issued. The certificate id is its stable document id.
public struct ProvisionalCertificate: Hashable, Sendable, Codable {
    public let id: Identifier
    /// Field 2: the issuing Member State ("FR").
    public let issuingState: String
    /// Field 3.
    public let lastName: PersonName
    /// Field 4.
    public let givenNames: PersonName
    /// Field 5.
    public let birthDate: CivilDate
    /// Field 6.
    public let personalNumber: NIR
    /// Field 7: institution number and acronym; its name and address sign the certificate.
    public let institution: Institution
    /// Field 8: the card being replaced, or the one being produced when there was none.
    public let cardNumber: CardNumber
    /// Field 9: that card's expiry date.
    public let cardExpiryDate: CivilDate
    /// (a) and (b): issue date to issue date + 3 months, inclusive (R_CERTIFICATE).
    public let validFrom: CivilDate
    public let validUntil: CivilDate
    /// (c).
    public let issuedOn: CivilDate

    public init(id: Identifier, issuingState: String = "FR", lastName: PersonName, givenNames: PersonName,
                birthDate: CivilDate, personalNumber: NIR, institution: Institution, cardNumber: CardNumber,
                cardExpiryDate: CivilDate, validFrom: CivilDate, validUntil: CivilDate, issuedOn: CivilDate) {
        self.id = id
        self.issuingState = issuingState
        self.lastName = lastName
        self.givenNames = givenNames
        self.birthDate = birthDate
        self.personalNumber = personalNumber
        self.institution = institution
        self.cardNumber = cardNumber
        self.cardExpiryDate = cardExpiryDate
        self.validFrom = validFrom
        self.validUntil = validUntil
        self.issuedOn = issuedOn
    }
}
