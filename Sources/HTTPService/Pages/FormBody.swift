// FormBody: an `application/x-www-form-urlencoded` body, as the pages' forms send it.
import Foundation

/// Field values by name (the last one wins; a checkbox absent is a field absent).
struct FormBody: Sendable {
    let fields: [String: String]
    /// Uploaded files by field name (multipart forms only).
    var files: [String: [UInt8]] = [:]

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

    init(fields: [String: String], files: [String: [UInt8]]) {
        self.fields = fields
        self.files = files
    }

    subscript(_ name: String) -> String? { fields[name] }

    /// `+` is a space, then percent-decoding; nil for a malformed escape (the field is then ignored).
    private static func decode(_ text: Substring) -> String? {
        text.replacingOccurrences(of: "+", with: " ").removingPercentEncoding
    }
}

extension FormBody {
    /// The largest upload a page takes: a scan, as the API's `POST /v1/verifications` takes it.
    static let uploadLimit = 8 * 1024 * 1024

    /// A `multipart/form-data` body (RFC 7578): text fields into `fields`, file contents into `files`, by name.
    /// Nil when the body is not well formed.
    static func multipart(_ bytes: [UInt8], contentType: String) -> (fields: [String: String], files: [String: [UInt8]])? {
        guard let boundaryRange = contentType.range(of: "boundary=") else { return nil }
        var boundary = String(contentType[boundaryRange.upperBound...].prefix { $0 != ";" })
        if boundary.hasPrefix("\""), boundary.hasSuffix("\""), boundary.count >= 2 { boundary = String(boundary.dropFirst().dropLast()) }
        guard !boundary.isEmpty, boundary.utf8.count <= 70 else { return nil }
        let delimiter = Array("--\(boundary)".utf8)
        var fields: [String: String] = [:]
        var files: [String: [UInt8]] = [:]
        var parts: [ArraySlice<UInt8>] = []
        var start: Int?
        var index = 0
        // Parts lie between delimiters, each delimiter at a line start (after CRLF, or at the very beginning).
        while index + delimiter.count <= bytes.count {
            if (index == 0 || (index >= 2 && bytes[index - 2] == 13 && bytes[index - 1] == 10)),
               bytes[index..<(index + delimiter.count)].elementsEqual(delimiter) {
                if let from = start, index - 2 >= from { parts.append(bytes[from..<(index - 2)]) }
                index += delimiter.count
                if index + 1 < bytes.count, bytes[index] == 45, bytes[index + 1] == 45 { break }   // "--": the end
                // Skip to the end of the delimiter's line.
                while index + 1 < bytes.count, !(bytes[index] == 13 && bytes[index + 1] == 10) { index += 1 }
                index += 2
                start = index
                continue
            }
            index += 1
        }
        for part in parts {
            let crlfcrlf: [UInt8] = [13, 10, 13, 10]
            guard let split = part.indices.first(where: { part[$0...].starts(with: crlfcrlf) }) else { return nil }
            let headers = String(decoding: part[part.startIndex..<split], as: UTF8.self)
            let content = Array(part[(split + 4)...])
            guard let disposition = headers.split(separator: "\r\n").first(where: { $0.lowercased().hasPrefix("content-disposition:") }),
                  let nameRange = disposition.range(of: "name=\"") else { return nil }
            let name = String(disposition[nameRange.upperBound...].prefix { $0 != "\"" })
            if disposition.contains("filename=") {
                files[name] = content
            } else {
                fields[name] = String(decoding: content, as: UTF8.self)
            }
        }
        return (fields, files)
    }
}
