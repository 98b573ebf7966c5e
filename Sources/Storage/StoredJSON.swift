// StoredJSON: how records are written into a database column, the same way in every store.
import Foundation

/// Records are stored as JSON text in one column next to the few columns queries need (ids, owner, instants).
/// Dates keep Foundation's own number (seconds since 2001), which round-trips a `Date` exactly; keys are sorted
/// so that the same value is always the same text.
public enum StoredJSON {
    public static func encode(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.dateEncodingStrategy = .deferredToDate
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    public static func decode<T: Decodable>(_ type: T.Type, from text: String) throws -> T {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .deferredToDate
        return try decoder.decode(type, from: Data(text.utf8))
    }
}
