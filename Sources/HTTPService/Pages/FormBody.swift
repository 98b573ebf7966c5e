// FormBody: an `application/x-www-form-urlencoded` body, as the pages' forms send it.
import Foundation

/// Field values by name (the last one wins; a checkbox absent is a field absent).
struct FormBody: Sendable {
    let fields: [String: String]

    /// The largest form a page sends, with room to spare: a proxy holder's names are 50 characters each.
    static let limit = 64 * 1024

    init(_ bytes: [UInt8]) {
        var fields: [String: String] = [:]
        for pair in String(decoding: bytes, as: UTF8.self).split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let name = Self.decode(parts[0]) else { continue }
            fields[name] = parts.count > 1 ? Self.decode(parts[1]) ?? "" : ""
        }
        self.fields = fields
    }

    subscript(_ name: String) -> String? { fields[name] }

    /// `+` is a space, then percent-decoding; nil for a malformed escape (the field is then ignored).
    private static func decode(_ text: Substring) -> String? {
        text.replacingOccurrences(of: "+", with: " ").removingPercentEncoding
    }
}
