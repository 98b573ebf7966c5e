// SealField: the message fields of SEAL.md, with their lengths and the form of their values.

/// A message field, by its 2-character id in profile v2 (`id(in:)` gives v1's).
public enum SealField: String, CaseIterable, Sendable, Codable {
    /// Document id, upper case, ≤ 40.
    case documentID = "01"
    /// Last name of the person the document is about, ≤ 38.
    case lastName = "62"
    /// Given names, ≤ 60.
    case givenNames = "60"
    /// Date of birth, `DDMMYYYY`.
    case birthDate = "69"
    /// NIR (card field 6), 15 characters (`E6` in profile v1).
    case personalNumber = "EG"
    /// Institution identification number (card field 7), ≤ 10 digits (`E7` in profile v1).
    case institutionNumber = "EH"
    /// Card identification number (card field 8), 20 digits (`E8` in profile v1).
    case cardNumber = "EI"
    /// Card expiry date (card field 9), `DDMMYYYY`.
    case cardExpiry = "E9"
    /// Certificate valid from, `DDMMYYYY`.
    case validFrom = "EA"
    /// Certificate or proxy valid until, `DDMMYYYY`.
    case validUntil = "EB"
    /// Procedure acknowledged: one of `SealProcedure`, ≤ 16.
    case procedure = "EC"
    /// Received at, Paris time, `DDMMYYYYHHMM`.
    case receivedAt = "ED"
    /// Proxy holder's last name, ≤ 38.
    case holderLastName = "EE"
    /// Proxy holder's first name, ≤ 38.
    case holderFirstName = "EF"

    /// The exact length of a fixed-length field, the maximum of a variable one.
    public var maxLength: Int {
        switch self {
        case .documentID: 40
        case .lastName, .holderLastName, .holderFirstName: 38
        case .givenNames: 60
        case .birthDate, .cardExpiry, .validFrom, .validUntil: 8
        case .personalNumber: 15
        case .institutionNumber: 10
        case .cardNumber: 20
        case .procedure: 16
        case .receivedAt: 12
        }
    }

    /// Fixed-length fields are never cut; in v1 they had no separator (see `endsWithSeparator`).
    public var isFixedLength: Bool {
        switch self {
        case .birthDate, .personalNumber, .cardNumber, .cardExpiry, .validFrom, .validUntil, .receivedAt: true
        case .documentID, .lastName, .givenNames, .institutionNumber, .procedure, .holderLastName, .holderFirstName: false
        }
    }

    /// Whether a value longer than `maxLength` is cut (and marked with `<RS>`) rather than refused.
    ///
    /// Only names are cut: a cut document id or institution number would point at something else, so such a value
    /// is a mistake upstream, not a long name.
    public var isCutWhenLong: Bool {
        switch self {
        case .lastName, .givenNames, .holderLastName, .holderFirstName: true
        case .documentID, .birthDate, .personalNumber, .institutionNumber, .cardNumber, .cardExpiry, .validFrom,
             .validUntil, .procedure, .receivedAt: false
        }
    }

    /// Whether the value may be empty: only given names, since some people have none.
    public var allowsEmpty: Bool {
        switch self {
        case .givenNames, .holderFirstName: true
        case .documentID, .lastName, .birthDate, .personalNumber, .institutionNumber, .cardNumber, .cardExpiry,
             .validFrom, .validUntil, .procedure, .receivedAt, .holderLastName: false
        }
    }
}

extension SealField {
    /// What the field is, in the words a verifier reads (the public verification page).
    public var frenchLabel: String {
        switch self {
        case .documentID: "Identifiant du document"
        case .lastName: "Nom"
        case .givenNames: "Prénoms"
        case .birthDate: "Date de naissance"
        case .personalNumber: "Numéro d'identification personnel"
        case .institutionNumber: "Institution"
        case .cardNumber: "Numéro de la carte"
        case .cardExpiry: "Date d'expiration de la carte"
        case .validFrom: "Valable à partir du"
        case .validUntil: "Valable jusqu'au"
        case .procedure: "Démarche"
        case .receivedAt: "Reçue le"
        case .holderLastName: "Nom du mandataire"
        case .holderFirstName: "Prénom du mandataire"
        }
    }

    /// A date field's value (`DDMMYYYY`) as French documents write it, `DD/MM/YYYY`; other values as they are.
    public func frenchValue(_ value: String) -> String {
        switch self {
        case .birthDate, .cardExpiry, .validFrom, .validUntil:
            guard value.count == 8, value.allSatisfy(\.isNumber) else { return value }
            let digits = Array(value)
            return String(digits[0..<2]) + "/" + String(digits[2..<4]) + "/" + String(digits[4...])
        default:
            return value
        }
    }
}
