// CardNumber: the 20-digit CEAM number (issuer identification, then the card's serial number).

/// Exactly 20 digits: the first 10 identify the issuer — `80250` (ISO/IEC 7812 healthcare prefix 80 + ISO 3166
/// numeric 250 for France) and the issuing institution's 5 digits —, the last 10 the zero-padded serial number.
/// The EU decision sets no check digit, so none is checked.
public struct CardNumber: Hashable, Sendable, CustomStringConvertible {
    public let value: String

    /// ISO/IEC 7812 major industry identifier 80 (health) followed by France's ISO 3166 numeric code.
    public static let francePrefix = "80250"

    public init(_ text: String) throws(RecordError) {
        guard text.utf8.count == 20, text.utf8.allSatisfy({ (48...57).contains($0) }) else {
            throw RecordError(field: "", detail: "Le numéro de carte doit comporter exactement 20 chiffres.")
        }
        guard text.hasPrefix(CardNumber.francePrefix) else {
            throw RecordError(field: "", detail: "Le numéro de carte doit commencer par 80250 (carte émise en France).")
        }
        self.value = text
    }

    /// Builds the number of a new card from the issuing institution's 5 digits and a serial number.
    public init(institutionDigits: String, serial: Int) throws(RecordError) {
        guard institutionDigits.utf8.count == 5, serial >= 0, serial < 10_000_000_000 else {
            throw RecordError(field: "", detail: "Numéro de carte impossible à composer.")
        }
        let padded = String(serial)
        try self.init(CardNumber.francePrefix + institutionDigits + String(repeating: "0", count: 10 - padded.count) + padded)
    }

    /// The issuer part (10 digits).
    public var issuer: String { String(value.prefix(10)) }
    /// The serial part (10 digits).
    public var serial: String { String(value.suffix(10)) }
    public var description: String { value }
}

extension CardNumber: TextValue {}
