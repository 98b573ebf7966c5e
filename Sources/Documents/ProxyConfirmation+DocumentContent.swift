// ProxyConfirmation+DocumentContent: a proxy confirmation as its template names it (D_PROXY).
public import Foundation
import Records
public import TeleserviceRules

extension ProxyConfirmation: DocumentContent {
    public static var kind: DocumentKind { .proxyConfirmation }

    public static let bindingSchema: [String: BindingShape] = [
        "proxyID": .text, "insuredName": .text,
        "holderName": .text, "holderCivility": .text, "holderLastName": .text, "holderUsageName": .text,
        "holderFirstName": .text, "holderBirthDate": .text,
        "createdDate": .text, "createdTime": .text, "validUntil": .text,
        "scope": .text, "exclusions": .text, "instructions": .list,
    ]

    /// `holderUsageName` is empty when the holder has none: the template shows its line only `when` it is set.
    public var bindings: Bindings {
        Bindings([
            "proxyID": .text(proxyID.value), "insuredName": .text(insuredName),
            "holderName": .text(holder.displayName), "holderCivility": .text(holder.civility.long),
            "holderLastName": .text(holder.lastName.value), "holderUsageName": .text(holder.usageName?.value ?? ""),
            "holderFirstName": .text(holder.firstName.value), "holderBirthDate": .text(holder.birthDate.french),
            "createdDate": .text(ParisTime.date(createdAt)), "createdTime": .text(ParisTime.time(createdAt)),
            "validUntil": .text(validUntil.french),
            "scope": .text(scope), "exclusions": .text(exclusions), "instructions": .list(instructions),
        ])
    }

    public var creationInstant: Date { createdAt }
}
