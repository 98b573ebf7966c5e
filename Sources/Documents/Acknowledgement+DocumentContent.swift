// Acknowledgement+DocumentContent: an acknowledgement of receipt as its template names it (D_ACK).
public import Foundation
import Records
public import TeleserviceRules

extension Acknowledgement: DocumentContent {
    public static var kind: DocumentKind { .acknowledgement }

    public static let bindingSchema: [String: BindingShape] = [
        "reference": .text, "procedure": .text, "receivedDate": .text, "receivedTime": .text,
        "insuredName": .text, "concerning": .text, "subject": .text,
        "institutionName": .text, "institutionAddress": .text, "institutionPhone": .text, "institutionCardField": .text,
        "nextSteps": .list,
    ]

    /// The reception instant in Paris time (CRPA art. R112-11-1 asks for the date; the time is given too).
    public var bindings: Bindings {
        Bindings([
            "reference": .text(reference.value), "procedure": .text(procedure.french),
            "receivedDate": .text(ParisTime.date(receivedAt)), "receivedTime": .text(ParisTime.time(receivedAt)),
            "insuredName": .text(insuredName), "concerning": .text(concerning), "subject": .text(subject),
            "institutionName": .text(institution.name), "institutionAddress": .text(institution.address),
            "institutionPhone": .text(institution.phone), "institutionCardField": .text(institution.cardField),
            "nextSteps": .list(nextSteps),
        ])
    }

    public var creationInstant: Date { receivedAt }
}
