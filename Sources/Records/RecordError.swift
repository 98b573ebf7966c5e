// RecordError: why a value could not be built, named by field, in French for the person who typed it.

/// A value that cannot exist. `field` names the input (JSON path style, e.g. `holder.birthDate`),
/// `code` is the stable API code (`invalid-nir` or `invalid-field`), `detail` is French and actionable.
public struct RecordError: Error, Hashable, Sendable, CustomStringConvertible {
    public enum Code: String, Sendable, Hashable, Codable {
        case invalidNIR = "invalid-nir"
        case invalidField = "invalid-field"
    }

    public var field: String
    public var code: Code
    public var detail: String

    public init(field: String, code: Code = .invalidField, detail: String) {
        self.field = field
        self.code = code
        self.detail = detail
    }

    /// The same error, reported under a longer path (`lastName` inside `beneficiaries[0]`).
    public func nested(under parent: String) -> RecordError {
        let path = parent.isEmpty ? field : field.isEmpty ? parent : field.hasPrefix("[") ? parent + field : "\(parent).\(field)"
        return RecordError(field: path, code: code, detail: detail)
    }

    public var description: String { "\(field): \(detail)" }
}
