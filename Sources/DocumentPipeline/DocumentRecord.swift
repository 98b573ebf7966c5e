// DocumentRecord: the content of one document to render, as the service and the CLI hand it over.
public import Documents
public import Foundation
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
    /// `RecordError` naming the field; malformed JSON as `DecodingError`.
    public static func decode(_ kind: DocumentKind, from json: Data) throws -> DocumentRecord {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        switch kind {
        case .certificate: return .certificate(try decoder.decode(ProvisionalCertificate.self, from: json))
        case .card: return .card(try decoder.decode(CardFace.self, from: json))
        case .acknowledgement: return .acknowledgement(try decoder.decode(Acknowledgement.self, from: json))
        case .proxyConfirmation: return .proxyConfirmation(try decoder.decode(ProxyConfirmation.self, from: json))
        }
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
