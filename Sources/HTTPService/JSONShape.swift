// JSONShape: the keys a request body may contain, so that unknown fields are refused (API.md) by name.

/// Codable ignores keys it does not know; API.md refuses them. Each body type declares its shape and
/// `RequestBody` checks the parsed JSON against it before decoding.
public indirect enum JSONShape: Sendable {
    /// Any JSON value (a string, a number, a boolean, null).
    case value
    case object([String: JSONShape])
    case array(JSONShape)

    /// The paths of keys the shape does not allow, in document order of the parsed value (sorted per object).
    func unknownFields(in json: Any, path: String = "") -> [String] {
        switch self {
        case .value:
            return []
        case .object(let fields):
            guard let object = json as? [String: Any] else { return [] }   // a type error, reported by decoding
            return object.keys.sorted().flatMap { key -> [String] in
                let keyPath = path.isEmpty ? key : "\(path).\(key)"
                guard let shape = fields[key] else { return [keyPath] }
                return shape.unknownFields(in: object[key]!, path: keyPath)
            }
        case .array(let element):
            guard let array = json as? [Any] else { return [] }
            return array.enumerated().flatMap { element.unknownFields(in: $1, path: "\(path)[\($0)]") }
        }
    }
}
