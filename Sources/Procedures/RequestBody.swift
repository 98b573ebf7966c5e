// RequestBody: the limits and encoding every JSON body must meet, and decoding errors in the API's French words.
import Foundation
package import Records

package enum RequestBody {
    /// Bodies are small records; anything larger than this is refused with 413 before it is parsed.
    package static let maximumSize = 256 * 1024

    /// API.md: JSON is UTF-8. A JSON decoder would also read UTF-16 and UTF-32 (with or without a byte-order
    /// mark) and a UTF-8 BOM; none of them is accepted. A NUL byte never appears in UTF-8 JSON (control
    /// characters are escaped in strings), while UTF-16 or UTF-32 text of ASCII characters is full of them.
    package static func checkUTF8(_ bytes: [UInt8]) throws {
        if bytes.contains(0) || bytes.starts(with: [0xEF, 0xBB, 0xBF]) || String(validating: bytes, as: UTF8.self) == nil {
            throw APIProblem(.unsupportedMediaType, detail: "Le corps de la requête doit être du JSON encodé en UTF-8, sans marque d'ordre des octets.")
        }
    }

    /// A decoding error as the API answers it: invalid-json (400) for text that is not JSON, invalid-field (422)
    /// naming the unknown field, or the field's path and what is wrong with it.
    package static func problem(_ error: DecodingError) -> APIProblem {
        if case .dataCorrupted(let context) = error {
            if context.codingPath.isEmpty, context.underlyingError != nil {
                return APIProblem(.invalidJSON, detail: "Le corps de la requête n'est pas un JSON valide.")
            }
            // swift-openapi-runtime's words for `additionalProperties: false`; the path ends with the first unknown key.
            if context.debugDescription.hasPrefix("Additional properties are disabled") {
                let field = path(context.codingPath)
                return APIProblem(.invalidField, detail: "Champ inconnu : \(field).",
                                  errors: [.init(field: field, code: APIProblem.Code.invalidField.rawValue, detail: "Ce champ n'existe pas.")])
            }
        }
        return APIProblem.invalid(recordError(error))
    }

    /// A decoding error in the API's words: the field's path and what is wrong, in French.
    package static func recordError(_ error: DecodingError) -> RecordError {
        switch error {
        case .keyNotFound(let key, let context):
            return RecordError(field: path(context.codingPath + [key]), detail: "Ce champ est obligatoire.")
        case .valueNotFound(_, let context):
            return RecordError(field: path(context.codingPath), detail: "Ce champ est obligatoire.")
        case .typeMismatch(let type, let context):
            return RecordError(field: path(context.codingPath), detail: "Valeur de type inattendu (\(frenchTypeName(type)) attendu).")
        case .dataCorrupted(let context):
            return RecordError(field: path(context.codingPath), detail: "Valeur invalide.")
        @unknown default:
            return RecordError(field: "", detail: "Valeur invalide.")
        }
    }

    private static func path(_ keys: [any CodingKey]) -> String {
        keys.reduce(into: "") { path, key in
            if let index = key.intValue { path += "[\(index)]" } else { path += path.isEmpty ? key.stringValue : ".\(key.stringValue)" }
        }
    }

    private static func frenchTypeName(_ type: Any.Type) -> String {
        switch type {
        case is Bool.Type: return "booléen"
        case is Int.Type, is Double.Type: return "nombre"
        case is String.Type: return "texte"
        case is [Any].Type: return "liste"
        default: return "objet"
        }
    }
}
