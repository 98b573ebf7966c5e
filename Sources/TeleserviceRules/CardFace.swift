// CardFace: what the digital CEAM image (D_CARD) prints: fields 3 to 9 of the EU card layout.
public import Records

/// EU Decision S2, annex I. Field 1 (the card's title) and field 2 (the issuing state, in the European mark) are
/// fixed by the template; `issuingState` is kept here so that the mark's code comes from the record.
public struct CardFace: Hashable, Sendable, Codable {
    public let issuingState: String
    /// Field 3.
    public let lastName: PersonName
    /// Field 4.
    public let givenNames: PersonName
    /// Field 5.
    public let birthDate: CivilDate
    /// Field 6.
    public let personalNumber: NIR
    /// Field 7: printed as `0175 CPAM PARIS`.
    public let institution: Institution
    /// Field 8.
    public let cardNumber: CardNumber
    /// Field 9.
    public let expiryDate: CivilDate
    /// Not printed: the day the card was issued, which dates the card's PDF.
    public let issueDate: CivilDate

    public init(issuingState: String = "FR", lastName: PersonName, givenNames: PersonName, birthDate: CivilDate,
                personalNumber: NIR, institution: Institution, cardNumber: CardNumber, expiryDate: CivilDate,
                issueDate: CivilDate) {
        self.issuingState = issuingState
        self.lastName = lastName
        self.givenNames = givenNames
        self.birthDate = birthDate
        self.personalNumber = personalNumber
        self.institution = institution
        self.cardNumber = cardNumber
        self.expiryDate = expiryDate
        self.issueDate = issueDate
    }
}
