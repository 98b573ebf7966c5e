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
            // ISO 8859-2..4 carry accents on their own (ˇ ˘ ˙ ˛ ˝) and ISO 8859-1 the micro sign (µ): the first are
            // diacritics, not letters, the second a Greek letter; no name is written with them, and a name made of
            // them would have no letter left in a seal (SEAL.md: names without diacritics).
            guard !PersonName.notNameLetters.contains(scalar) else {
                throw RecordError(field: "", detail: "Le caractère « \(character) » n'est pas une lettre d'un nom : écrivez la lettre avec son accent (« č », « ă », « ż », « ę », « ő ») ou sans accent.")
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

    /// Characters of the card's repertoire that Unicode calls letters but no name is written with.
    static let notNameLetters: Set<Unicode.Scalar> = ["\u{00B5}", "\u{02C7}", "\u{02D8}", "\u{02D9}", "\u{02DB}", "\u{02DD}"]

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
