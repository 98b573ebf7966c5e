// Why a MailMessage could not be built: the field and what is wrong with it.

/// A value that cannot go into a header as it is.
public struct MailMessageError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The field at fault, e.g. `to` or `messageID.domain`.
    public let field: String
    public let reason: String

    public var description: String { "\(field): \(reason)" }

    /// Refuses empty values, non-ASCII (the message is 7-bit; SMTPUTF8 is not used), spaces, control
    /// characters (CR and LF would start a new header) and angle brackets (they delimit the value).
    static func check(_ value: String, field: String, forbidding extra: Unicode.Scalar? = nil) throws(MailMessageError) {
        guard !value.isEmpty else { throw MailMessageError(field: field, reason: "is empty") }
        for scalar in value.unicodeScalars {
            guard scalar.value > 0x20, scalar.value < 0x7F, scalar != "<", scalar != ">", scalar != extra else {
                throw MailMessageError(field: field, reason: "contains a forbidden character (U+\(String(scalar.value, radix: 16, uppercase: true)))")
            }
        }
    }
}
