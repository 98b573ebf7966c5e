// SealError: every way a seal, a key or a seal text can be refused, as one typed error.

/// Why a seal value, a seal text, a key or a key list was refused.
///
/// Errors name the field and the rule that failed, never the value itself: seal values are personal data (names,
/// NIR, dates of birth) and these errors end up in logs and in the verification service's answers.
public enum SealError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Year, month and day that are not a real Gregorian day between 0001-01-01 and 9999-12-31.
    case invalidDate
    /// A header date outside what 4 hex digits can carry (2000-01-01 … 2179-06-05; `FFFF` is left unused).
    case dateOutsideHeaderRange(SealDate)
    /// The authority is not 2 characters of `A-Z0-9`.
    case invalidAuthority(String)
    /// The certificate id is not 4 characters of `A-Z0-9`.
    case invalidCertificateID(String)
    /// The document type requires this field and it was not given.
    case missingField(SealField, SealDocumentType)
    /// The document type does not carry this field.
    case unexpectedField(SealField, SealDocumentType)
    /// The value does not follow the field's rule (`rule` says which, in words).
    case invalidValue(SealField, rule: String)
    /// The text is not a seal: `reason` says what was expected at byte `offset`.
    case malformed(offset: Int, reason: String)
    /// The text is not RFC 4648 base32 (upper case, no padding, canonical).
    case invalidBase32(reason: String)
    /// The signature is not 64 bytes (`r‖s`).
    case invalidSignatureLength(Int)
    /// The seal's authority or certificate id is not the signer's.
    case keyMismatch(expected: String, found: String)
    /// The cryptographic library refused to sign.
    case signingFailed
    /// A PEM key could not be read; `key` names which (`caId/certificateId`, or `signing key`).
    case invalidKey(key: String)
    /// A published key uses an algorithm other than `ES256`.
    case unsupportedAlgorithm(key: String, algorithm: String)
    /// Two published keys share the same `caId/certificateId`.
    case duplicateKey(key: String)
    /// A key published with certificates that do not certify it or do not chain to its authority (profile v2).
    case untrustedCertificate(key: String, reason: String)

    public var description: String {
        switch self {
        case .invalidDate: "not a real day between 0001-01-01 and 9999-12-31"
        case .dateOutsideHeaderRange(let date): "\(date.iso) cannot be written as a header date (2000-01-01 to 2179-06-05)"
        case .invalidAuthority(let text): "authority \"\(text)\" must be 2 characters of A-Z 0-9"
        case .invalidCertificateID(let text): "certificate id \"\(text)\" must be 4 characters of A-Z 0-9"
        case .missingField(let field, let type): "field \(field.rawValue) is required in a \(type.rawValue) seal"
        case .unexpectedField(let field, let type): "field \(field.rawValue) is not part of a \(type.rawValue) seal"
        case .invalidValue(let field, let rule): "field \(field.rawValue): \(rule)"
        case .malformed(let offset, let reason): "not a seal: at byte \(offset), \(reason)"
        case .invalidBase32(let reason): "invalid base32: \(reason)"
        case .invalidSignatureLength(let count): "a signature is 64 bytes, not \(count)"
        case .keyMismatch(let expected, let found): "the seal names key \(found) but the signer holds \(expected)"
        case .signingFailed: "the signature could not be computed"
        case .invalidKey(let key): "key \(key) is not a readable P-256 PEM key"
        case .unsupportedAlgorithm(let key, let algorithm): "key \(key) uses \(algorithm), only ES256 is supported"
        case .untrustedCertificate(let key, let reason): "key \(key) is not trusted: \(reason)"
        case .duplicateKey(let key): "key \(key) is published twice"
        }
    }
}
