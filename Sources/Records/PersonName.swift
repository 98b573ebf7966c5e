// PersonName: a last name, given names or usage name that the card and the documents can print as typed.
import Foundation

/// A name part: NFC-normalised, trimmed, 1 to 80 characters, letters of the card repertoire
/// (ISO 8859-1..4) with spaces, hyphens, apostrophes and full stops between them.
/// A character outside the repertoire is refused here, at input, rather than mis-drawn later (D_CARD).
public struct PersonName: Hashable, Sendable, CustomStringConvertible {
    public let value: String

    /// Long enough for any real civil-status name; a longer value is an input error, not a name to shorten.
    public static let maximumLength = 80

    public init(_ text: String) throws(RecordError) {
        // Phones type the typographic apostrophe; it means the same as the ASCII one the card can print.
        let normalised = text.precomposedStringWithCanonicalMapping
            .replacingOccurrences(of: "\u{2019}", with: "'")
            .split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " ")
        guard !normalised.isEmpty else {
            throw RecordError(field: "", detail: "Le nom ne peut pas être vide.")
        }
        guard normalised.count <= PersonName.maximumLength else {
            throw RecordError(field: "", detail: "Le nom est trop long : \(PersonName.maximumLength) caractères au plus.")
        }
        for character in normalised {
            guard character.unicodeScalars.count == 1, let scalar = character.unicodeScalars.first,
                  CardRepertoire.contains(scalar) else {
                throw RecordError(field: "", detail: PersonName.refusal(for: character))
            }
            guard scalar.properties.isAlphabetic || " -'.".unicodeScalars.contains(scalar) else {
                throw RecordError(field: "", detail: "Le caractère « \(character) » n'est pas admis dans un nom : seuls les lettres, l'espace, le trait d'union, l'apostrophe et le point le sont.")
            }
        }
        guard normalised.first!.isLetter else {
            throw RecordError(field: "", detail: "Le nom doit commencer par une lettre.")
        }
        self.value = normalised
    }

    private static func refusal(for character: Character) -> String {
        switch character {
        case "Œ": return "Le caractère « Œ » ne peut pas être imprimé sur la carte européenne : écrivez « OE »."
        case "œ": return "Le caractère « œ » ne peut pas être imprimé sur la carte européenne : écrivez « oe »."
        default: return "Le caractère « \(character) » ne peut pas être imprimé sur la carte européenne (jeu de caractères ISO 8859-1 à 8859-4)."
        }
    }

    /// Safe to log: the initial only (no personal data in logs).
    public var masked: String { String(value.prefix(1)) + "…" }
    public var description: String { value }
}

extension PersonName: TextValue {}
