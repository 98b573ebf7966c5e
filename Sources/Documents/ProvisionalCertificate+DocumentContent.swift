// ProvisionalCertificate+DocumentContent: the certificate's values as its template names them (D_CPR).
public import Foundation
import Records
public import TeleserviceRules

extension ProvisionalCertificate: DocumentContent {
    public static var kind: DocumentKind { .certificate }

    public static let bindingSchema: [String: BindingShape] = [
        "id": .text, "issuingState": .text,
        "lastName": .text, "givenNames": .text, "birthDate": .text, "personalNumber": .text,
        "institutionCardField": .text, "institutionID": .text, "institutionName": .text, "institutionAddress": .text, "institutionPhone": .text,
        "cardNumber": .text, "cardExpiryDate": .text,
        "validFrom": .text, "validUntil": .text, "issuedOn": .text,
    ]

    /// Dates DD/MM/YYYY (D_CPR); the personal number grouped as French forms print it.
    public var bindings: Bindings {
        Bindings([
            "id": .text(id.value), "issuingState": .text(issuingState),
            "lastName": .text(lastName.value), "givenNames": .text(givenNames.value),
            "birthDate": .text(birthDate.french), "personalNumber": .text(personalNumber.grouped),
            "institutionCardField": .text(institution.cardField), "institutionID": .text(institution.id),
            "institutionName": .text(institution.name),
            "institutionAddress": .text(institution.address), "institutionPhone": .text(institution.phone),
            "cardNumber": .text(cardNumber.value), "cardExpiryDate": .text(cardExpiryDate.french),
            "validFrom": .text(validFrom.french), "validUntil": .text(validUntil.french), "issuedOn": .text(issuedOn.french),
        ])
    }

    /// The day of issue, at midnight in Paris: the certificate carries no time of day.
    public var creationInstant: Date { ParisTime.startOfDay(issuedOn) }
}
