// DocumentRecord+Seal: what the seal of each document says (SEAL.md's message table), read from its record.
import Documents
import Foundation
public import Records
public import Seal
import TeleserviceRules

/// A document's seal message before transliteration, truncation and signature: its type, the day it was issued,
/// and its fields as the record spells them. The validity days go to the register (expired / not yet valid).
public struct SealContent: Sendable, Hashable {
    public var type: SealDocumentType
    public var issuedOn: CivilDate
    /// Field values as printed (accents and all); the seal maps them to its repertoire (SEAL.md).
    public var fields: [SealField: String]
    public var validFrom: CivilDate?
    public var validUntil: CivilDate?
}

extension SealContent {
    /// The seal of this content as `signer` signs it on `signedOn` (Paris day): values mapped to SEAL.md's
    /// repertoire and cut to their maximum, header filled, ECDSA signature over the bytes before `<US>`.
    public func signed(by signer: SealSigner, on signedOn: CivilDate) throws -> SignedSeal {
        try signer.sign(unsigned(authority: signer.authority, certificateID: signer.certificateID, signedOn: signedOn))
    }

    /// The same without the signature (for documents rendered in tests with a placeholder signature).
    public func unsigned(authority: String, certificateID: String, signedOn: CivilDate) throws -> UnsignedSeal {
        try UnsignedSeal(authority: authority, certificateID: certificateID, issueDate: try Self.sealDate(issuedOn),
                         signatureDate: try Self.sealDate(signedOn), type: type, transliterating: fields)
    }

    static func sealDate(_ day: CivilDate) throws -> SealDate { try SealDate(year: day.year, month: day.month, day: day.day) }
}

extension DocumentRecord {
    /// The id under which an acknowledgement is registered and sealed: its procedure's reference is also the id of
    /// the proxy that procedure creates, and the register needs one id per document ("AR": accusé de réception).
    public static func acknowledgementID(reference: String) -> String { "AR-\(reference)" }

    /// The id the record's own data gives its document: the certificate's id, the acknowledgement's (see
    /// `acknowledgementID`), the proxy's; for a card, `CC-` and its number (the service adds a digest of the face,
    /// so that a corrected name makes another copy).
    public var ownDocumentID: String {
        switch self {
        case .certificate(let certificate): certificate.id.value
        case .card(let card): "CC-\(card.cardNumber.value)"
        case .acknowledgement(let acknowledgement): Self.acknowledgementID(reference: acknowledgement.reference.value)
        case .proxyConfirmation(let confirmation): confirmation.proxyID.value
        }
    }

    /// The seal message of this document, under `documentID` (the id printed on it and kept in the register).
    public func sealContent(documentID: String) -> SealContent {
        // Upper-cased where the seal is built (`UnsignedSeal`, ASCII only: "ß" must not become "SS", another id).
        let id = documentID
        switch self {
        case .certificate(let certificate):
            return SealContent(type: .certificate, issuedOn: certificate.issuedOn, fields: [
                .documentID: id,
                .lastName: certificate.lastName.value,
                .givenNames: certificate.givenNames.value,
                .birthDate: Self.sealDate(certificate.birthDate),
                .personalNumber: certificate.personalNumber.value,
                .institutionNumber: certificate.institution.id,
                .cardNumber: certificate.cardNumber.value,
                .cardExpiry: Self.sealDate(certificate.cardExpiryDate),
                .validFrom: Self.sealDate(certificate.validFrom),
                .validUntil: Self.sealDate(certificate.validUntil),
            ], validFrom: certificate.validFrom, validUntil: certificate.validUntil)
        case .card(let card):
            // A print copy is issued under the card's own issue day, so the same card always gives the same copy.
            return SealContent(type: .cardCopy, issuedOn: card.issueDate, fields: [
                .documentID: id,
                .lastName: card.lastName.value,
                .givenNames: card.givenNames.value,
                .birthDate: Self.sealDate(card.birthDate),
                .cardNumber: card.cardNumber.value,
                .cardExpiry: Self.sealDate(card.expiryDate),
            ], validFrom: card.issueDate, validUntil: card.expiryDate)
        case .acknowledgement(let acknowledgement):
            // An acknowledgement attests a receipt: it has no end (SEAL.md: acknowledgements stay valid).
            return SealContent(type: .acknowledgement, issuedOn: CivilDate(acknowledgement.receivedAt), fields: [
                .documentID: id,
                .lastName: acknowledgement.concernedPerson.lastName.value,
                .givenNames: acknowledgement.concernedPerson.givenNames.value,
                .procedure: Self.procedureName(acknowledgement),
                .receivedAt: Self.sealMinute(acknowledgement.receivedAt),
            ], validFrom: nil, validUntil: nil)
        case .proxyConfirmation(let confirmation):
            let created = CivilDate(confirmation.createdAt)
            return SealContent(type: .proxyConfirmation, issuedOn: created, fields: [
                .documentID: id,
                // Without a holder record the document addresses "Madame, Monsieur": the seal carries what is printed.
                .lastName: confirmation.insured?.lastName.value ?? confirmation.insuredName,
                .givenNames: confirmation.insured?.givenNames.value ?? "",
                .validUntil: Self.sealDate(confirmation.validUntil),
                .holderLastName: confirmation.holder.lastName.value,
                .holderFirstName: confirmation.holder.firstName.value,
            ], validFrom: created, validUntil: confirmation.validUntil)
        }
    }

    /// SEAL.md's `EC` values, as the seal's own enumeration spells them.
    static func procedureName(_ acknowledgement: Acknowledgement) -> String {
        let procedure: SealProcedure = switch acknowledgement.procedure {
        case .order: .order
        case .renewal: .renewal
        case .lossDeclaration: acknowledgement.lossKind == .theft ? .theft : .loss
        case .proxy: .proxy
        case .proxyRevocation: .proxyRevocation
        }
        return procedure.rawValue
    }

    /// `DDMMYYYY`.
    static func sealDate(_ day: CivilDate) -> String { String(format: "%02d%02d%04d", day.day, day.month, day.year) }

    /// `DDMMYYYYHHMM`, Paris time, as the acknowledgement prints it (`ParisTime`'s calendar, built once).
    static func sealMinute(_ instant: Date) -> String {
        let (hour, minute) = ParisTime.hourAndMinute(instant)
        return sealDate(CivilDate(instant)) + String(format: "%02d%02d", hour, minute)
    }
}
