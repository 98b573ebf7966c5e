// DocumentRecord: the content of one document to render, as the service and the CLI hand it over.
public import Documents
public import Foundation
public import Records
public import TeleserviceRules

/// One record of TeleserviceRules, tagged with the document it renders as.
public enum DocumentRecord: Sendable, Hashable {
    case certificate(ProvisionalCertificate)
    case card(CardFace)
    case acknowledgement(Acknowledgement)
    case proxyConfirmation(ProxyConfirmation)

    public var kind: DocumentKind {
        switch self {
        case .certificate: .certificate
        case .card: .card
        case .acknowledgement: .acknowledgement
        case .proxyConfirmation: .proxyConfirmation
        }
    }

    /// Decodes the Codable form of `kind`'s content (dates `YYYY-MM-DD`, instants RFC 3339). The values validate
    /// themselves while decoding (a NIR with a wrong key, a name with "Œ" …): such a refusal is thrown as the
    /// `RecordError` naming the field; malformed JSON as `DecodingError`. A field the content does not have is
    /// refused by name too, as the API refuses it: a misspelt optional field must not vanish silently.
    public static func decode(_ kind: DocumentKind, from json: Data) throws -> DocumentRecord {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        let record: DocumentRecord = switch kind {
        case .certificate: .certificate(try decoder.decode(ProvisionalCertificate.self, from: json))
        case .card: .card(try decoder.decode(CardFace.self, from: json))
        case .acknowledgement: .acknowledgement(try decoder.decode(Acknowledgement.self, from: json))
        case .proxyConfirmation: .proxyConfirmation(try decoder.decode(ProxyConfirmation.self, from: json))
        }
        // Every key the record reads is also a key it writes, so a key of the input missing from the record's own
        // encoding is one it ignored. (A null is the same as absent for an optional field.)
        let input = try JSONSerialization.jsonObject(with: json)
        let known = try JSONSerialization.jsonObject(with: record.encoded())
        if let unknown = unknownKeys(in: input, comparedWith: known).first {
            throw RecordError(field: unknown, detail: "Ce champ n'existe pas dans un enregistrement de ce document.")
        }
        try record.checkSealable()
        return record
    }

    /// The longest document id a seal carries whole (SEAL.md, field `01`): a longer one would be cut in the seal,
    /// and a verifier could no longer find the document in the register.
    public static let maximumDocumentIDLength = 40

    /// Refuses, where a record enters, an id its document could not be sealed under: the seal's field `01` holds at
    /// most 40 characters of `A-Z 0-9 -` once upper-cased, and `Identifier` also admits `_`. The service's own ids
    /// (`cert-` and 32 hex digits, `AR-proc-…`) always pass.
    public func checkSealable() throws(RecordError) {
        let field: String, prefix: String
        switch self {
        case .certificate: (field, prefix) = ("id", "")
        case .card: return   // its id is made of the card number, always sealable
        case .acknowledgement: (field, prefix) = ("reference", Self.acknowledgementID(reference: ""))
        case .proxyConfirmation: (field, prefix) = ("proxyID", "")
        }
        try Self.checkDocumentID(ownDocumentID, field: field, prefix: prefix)
    }

    /// Checks `id` as a document id (`prefix` is what the document adds to the record's value, e.g. `AR-`).
    public static func checkDocumentID(_ id: String, field: String = "documentID", prefix: String = "") throws(RecordError) {
        let allowed = id.utf8.allSatisfy { ($0 >= 48 && $0 <= 57) || ($0 >= 65 && $0 <= 90) || ($0 >= 97 && $0 <= 122) || $0 == 45 }
        guard allowed, !id.isEmpty, id.utf8.count <= maximumDocumentIDLength else {
            let room = maximumDocumentIDLength - prefix.utf8.count
            throw RecordError(field: field, detail: "L'identifiant du document doit comporter de 1 à \(room) lettres sans accent, chiffres ou « - » : il est inscrit dans le cachet du document, qui n'en admet pas davantage.")
        }
    }

    private static func unknownKeys(in input: Any, comparedWith known: Any, path: String = "") -> [String] {
        if let object = input as? [String: Any], let knownObject = known as? [String: Any] {
            return object.keys.sorted().flatMap { key -> [String] in
                let keyPath = path.isEmpty ? key : "\(path).\(key)"
                guard let knownValue = knownObject[key] else { return object[key] is NSNull ? [] : [keyPath] }
                return unknownKeys(in: object[key]!, comparedWith: knownValue, path: keyPath)
            }
        }
        if let array = input as? [Any], let knownArray = known as? [Any], array.count == knownArray.count {
            return zip(array, knownArray).enumerated().flatMap { unknownKeys(in: $1.0, comparedWith: $1.1, path: "\(path)[\($0)]") }
        }
        return []
    }

    /// The JSON of the record, in the form `decode` reads (sorted keys, so examples diff cleanly).
    public func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        switch self {
        case .certificate(let content): return try encoder.encode(content)
        case .card(let content): return try encoder.encode(content)
        case .acknowledgement(let content): return try encoder.encode(content)
        case .proxyConfirmation(let content): return try encoder.encode(content)
        }
    }
}

/// The two output formats every document renders to.
public enum OutputFormat: String, Sendable, Hashable, CaseIterable {
    case pdf, png

    /// The HTTP content type.
    public var mediaType: String { self == .pdf ? "application/pdf" : "image/png" }
}
