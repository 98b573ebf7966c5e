// UnsignedSeal: a seal's header and message values, validated, before (or without) its signature.

/// The values a seal carries: header and message fields, checked against SEAL.md so that `text()` always writes a
/// valid seal.
public struct UnsignedSeal: Hashable, Sendable {
    /// The 2 characters after `FR` in the certification authority id (`AM` by default).
    public let authority: String
    /// The signing key's id, 4 characters of `A-Z0-9`.
    public let certificateID: String
    /// The document's issue day (Paris).
    public let issueDate: SealDate
    /// The day the seal was signed.
    public let signatureDate: SealDate
    public let type: SealDocumentType
    /// Every field `type` carries, in the repertoire, at most `maxLength` long (cut values are already cut).
    public let fields: [SealField: String]
    /// The fields whose value was cut to `maxLength` (written with `<RS>`): the value is the start of a longer one.
    public let truncatedFields: Set<SealField>
    /// The edition of SEAL.md the text follows: `current` for every seal made; v1 for a printed paper read back.
    public let profile: SealProfile

    /// A seal from values already in the repertoire (see `SealTransliteration`).
    ///
    /// A name longer than its field is cut to the maximum and listed in `truncatedFields`; any other value must fit.
    /// Throws when `type` requires a field that is missing, a field `type` does not carry is present, a value breaks
    /// its field's rule (length, repertoire, digits, real day), a header date cannot be written in 4 hex digits,
    /// or the authority or certificate id is malformed.
    public init(authority: String, certificateID: String, issueDate: SealDate, signatureDate: SealDate,
                type: SealDocumentType, fields: [SealField: String]) throws(SealError) {
        var cut: [SealField: String] = [:]
        var truncated: Set<SealField> = []
        for (field, value) in fields {
            let bytes = Array(value.utf8)
            guard field.isCutWhenLong, bytes.count > field.maxLength else {
                cut[field] = value
                continue
            }
            // Check the whole value first, so that a bad character past the cut is still refused.
            guard bytes.allSatisfy(SealRepertoire.contains) else {
                throw .invalidValue(field, rule: "only A-Z 0-9 space - ' . / are allowed")
            }
            cut[field] = String(decoding: bytes.prefix(field.maxLength), as: UTF8.self)
            truncated.insert(field)
        }
        try self.init(authority: authority, certificateID: certificateID, issueDate: issueDate,
                      signatureDate: signatureDate, type: type, cutFields: cut, truncatedFields: truncated,
                      profile: .current)
    }

    /// A seal from the printed spellings: names go through `SealTransliteration.value`, the document id is
    /// upper-cased, then as `init(authority:certificateID:issueDate:signatureDate:type:fields:)`.
    ///
    /// Only names are transliterated: an id, a number or a date with a character outside the repertoire is refused
    /// rather than silently changed into another id.
    public init(authority: String, certificateID: String, issueDate: SealDate, signatureDate: SealDate,
                type: SealDocumentType, transliterating rawFields: [SealField: String]) throws(SealError) {
        var fields: [SealField: String] = [:]
        for (field, value) in rawFields {
            fields[field] = switch field {
            case .lastName, .givenNames, .holderLastName, .holderFirstName: SealTransliteration.value(value)
            // ASCII only: "ß".uppercased() is "SS", which would make a different id.
            case .documentID: String(decoding: value.utf8.map { $0 >= 0x61 && $0 <= 0x7A ? $0 - 0x20 : $0 }, as: UTF8.self)
            case .birthDate, .personalNumber, .institutionNumber, .cardNumber, .cardExpiry, .validFrom, .validUntil,
                 .procedure, .receivedAt: value
            }
        }
        try self.init(authority: authority, certificateID: certificateID, issueDate: issueDate,
                      signatureDate: signatureDate, type: type, fields: fields)
    }

    /// The designated initialiser: values already cut, truncation stated (the parser reads it from `<RS>`).
    init(authority: String, certificateID: String, issueDate: SealDate, signatureDate: SealDate,
         type: SealDocumentType, cutFields: [SealField: String], truncatedFields: Set<SealField>,
         profile: SealProfile) throws(SealError) {
        guard SealRepertoire.isCode(authority, count: 2) else { throw .invalidAuthority(authority) }
        guard SealRepertoire.isCode(certificateID, count: 4) else { throw .invalidCertificateID(certificateID) }
        guard issueDate.headerHex != nil else { throw .dateOutsideHeaderRange(issueDate) }
        guard signatureDate.headerHex != nil else { throw .dateOutsideHeaderRange(signatureDate) }
        let carried = type.fields
        // Checked in message order, so the error names the first problem a reader of the seal would meet.
        for field in SealField.allCases {
            guard let value = cutFields[field] else {
                if carried.contains(field) { throw .missingField(field, type) }
                continue
            }
            guard carried.contains(field) else { throw .unexpectedField(field, type) }
            try field.validate(Array(value.utf8)[...])
        }
        for field in truncatedFields {
            guard field.isCutWhenLong, cutFields[field]?.utf8.count == field.maxLength else {
                throw .invalidValue(field, rule: "only a name of exactly \(field.maxLength) characters can be marked cut")
            }
        }
        self.authority = authority
        self.certificateID = certificateID
        self.issueDate = issueDate
        self.signatureDate = signatureDate
        self.type = type
        self.fields = cutFields
        self.truncatedFields = truncatedFields
        self.profile = profile
    }

    /// The header's certification authority id: `FR` + `authority`.
    public var caID: String { "FR" + authority }

    /// The message values by SEAL.md id as the seal writes them (`"62": "DUPONT"`; v1's ids for a v1 seal), for the
    /// verification answer.
    public func fieldsByID() -> [String: String] {
        Dictionary(uniqueKeysWithValues: fields.map { ($0.key.id(in: profile), $0.value) })
    }

    /// The value of `field` (nil when `type` does not carry it).
    public subscript(field: SealField) -> String? { fields[field] }
}
