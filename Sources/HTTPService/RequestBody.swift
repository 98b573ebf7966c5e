// RequestBody: a request's JSON read once, size-limited, checked for unknown fields, decoded with named errors.
import Foundation
public import Hummingbird
import Records

public struct RequestBody: Sendable {
    /// Bodies are small records; anything larger than this is refused with 413 before it is parsed.
    public static let maximumSize = 256 * 1024

    public let bytes: [UInt8]

    public init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// Reads the whole body, refusing more than `maximumSize` (also when Content-Length announces it).
    public static func read(_ request: Request) async throws -> RequestBody {
        let tooLarge = APIProblem(.payloadTooLarge, detail: "La requête dépasse la taille maximale admise (\(maximumSize / 1024) Kio).")
        if let length = request.headers[.contentLength].flatMap(Int.init), length > maximumSize { throw tooLarge }
        do {
            let buffer = try await request.body.collect(upTo: maximumSize)
            return RequestBody(bytes: Array(buffer: buffer))
        } catch let error as HTTPError where error.status == .contentTooLarge {
            throw tooLarge
        }
    }

    /// Parses, checks the shape, then decodes. Errors are `APIProblem`s: invalid-json (400) for text that is not
    /// JSON, invalid-field or invalid-nir (422) for the rest, each naming its field.
    public func decode<T: RequestDecodable>(_ type: T.Type) throws -> T {
        // API.md: JSON is UTF-8. JSONSerialization would also read UTF-16 and UTF-32 (with or without a byte-order
        // mark) and a UTF-8 BOM; none of them is accepted. A NUL byte never appears in UTF-8 JSON (control
        // characters are escaped in strings), while UTF-16 or UTF-32 text of ASCII characters is full of them.
        if bytes.contains(0) || bytes.starts(with: [0xEF, 0xBB, 0xBF]) || String(validating: bytes, as: UTF8.self) == nil {
            throw APIProblem(.unsupportedMediaType, detail: "Le corps de la requête doit être du JSON encodé en UTF-8, sans marque d'ordre des octets.")
        }
        let data = Data(bytes)
        let json: Any
        do {
            json = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
        } catch {
            throw APIProblem(.invalidJSON, detail: "Le corps de la requête n'est pas un JSON valide.")
        }
        let unknown = T.shape.unknownFields(in: json)
        if !unknown.isEmpty {
            throw APIProblem(.invalidField, detail: "Champ inconnu : \(unknown.joined(separator: ", ")).",
                             errors: unknown.map { .init(field: $0, code: APIProblem.Code.invalidField.rawValue, detail: "Ce champ n'existe pas.") })
        }
        do {
            return try JSONDecoder().decode(T.self, from: data)
        } catch let error as RecordError {
            throw APIProblem.invalid(error)
        } catch let error as DecodingError {
            throw APIProblem.invalid(Self.recordError(error))
        } catch let problem as APIProblem {
            throw problem
        }
    }

    /// A decoding error in the API's words: the field's path and what is wrong, in French.
    static func recordError(_ error: DecodingError) -> RecordError {
        func path(_ keys: [any CodingKey], _ last: (any CodingKey)? = nil) -> String {
            (keys + (last.map { [$0] } ?? [])).reduce(into: "") { path, key in
                if let index = key.intValue { path += "[\(index)]" } else { path += path.isEmpty ? key.stringValue : ".\(key.stringValue)" }
            }
        }
        switch error {
        case .keyNotFound(let key, let context):
            return RecordError(field: path(context.codingPath, key), detail: "Ce champ est obligatoire.")
        case .valueNotFound(_, let context):
            return RecordError(field: path(context.codingPath), detail: "Ce champ est obligatoire.")
        case .typeMismatch(let type, let context):
            return RecordError(field: path(context.codingPath), detail: "Valeur de type inattendu (\(Self.frenchTypeName(type)) attendu).")
        case .dataCorrupted(let context):
            return RecordError(field: path(context.codingPath), detail: "Valeur invalide.")
        @unknown default:
            return RecordError(field: "", detail: "Valeur invalide.")
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

/// A request body type: decodable, with the keys it allows.
public protocol RequestDecodable: Decodable {
    static var shape: JSONShape { get }
}
