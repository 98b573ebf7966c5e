// Decoding: how a validating initialiser reports its field when it runs inside a JSON decoder.

extension Decoder {
    /// The JSON path being decoded (`beneficiaries[0].lastName`), used to name the field in errors.
    public var fieldPath: String {
        codingPath.reduce(into: "") { path, key in
            if let index = key.intValue {
                path += "[\(index)]"
            } else {
                path += path.isEmpty ? key.stringValue : ".\(key.stringValue)"
            }
        }
    }

    /// Runs a validating initialiser and, when it refuses, names the field the decoder is at.
    public func validated<T>(_ build: () throws(RecordError) -> T) throws(RecordError) -> T {
        do {
            return try build()
        } catch {
            throw error.nested(under: fieldPath)
        }
    }
}

/// A value written as one JSON string and validated by its initialiser (NIR, names, card numbers, ids).
public protocol TextValue: Codable {
    init(_ text: String) throws(RecordError)
    var value: String { get }
}

extension TextValue {
    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        self = try decoder.validated { () throws(RecordError) in try Self(text) }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(value)
    }
}
