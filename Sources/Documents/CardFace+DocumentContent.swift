// CardFace+DocumentContent: the card's fields 3 to 9 as its template names them (D_CARD).
public import Foundation
import Records
public import TeleserviceRules

extension CardFace: DocumentContent {
    public static var kind: DocumentKind { .card }

    public static let bindingSchema: [String: BindingShape] = [
        "issuingState": .text, "lastName": .text, "givenNames": .text, "birthDate": .text,
        "personalNumber": .text, "institutionCardField": .text, "institutionName": .text,
        "cardNumber": .text, "expiryDate": .text,
    ]

    public var bindings: Bindings {
        Bindings([
            "issuingState": .text(issuingState), "lastName": .text(lastName.value), "givenNames": .text(givenNames.value),
            "birthDate": .text(birthDate.french), "personalNumber": .text(personalNumber.grouped),
            "institutionCardField": .text(institution.cardField), "institutionName": .text(institution.name),
            "cardNumber": .text(cardNumber.value), "expiryDate": .text(expiryDate.french),
        ])
    }

    /// The card's PDF is dated by the card's issue day (start of that day in Paris), never by the clock.
    public var creationInstant: Date { ParisTime.startOfDay(issueDate) }
}
