// FormBody: an `application/x-www-form-urlencoded` body, as the pages' forms send it.
import HTTPEdge
import Procedures
import Foundation
import Hummingbird
import MultipartKit
import NIOCore

/// Field values by name (a checkbox absent is a field absent).
struct FormBody: Sendable {
    let fields: [String: String]
    /// Uploaded files by field name (multipart forms only).
    var files: [String: [UInt8]] = [:]

    /// The largest form a page sends, with room to spare: a proxy holder's names are 50 characters each.
    static let limit = 64 * 1024

    /// An `application/x-www-form-urlencoded` body, read by Hummingbird's decoder. A body it cannot read (a
    /// malformed escape, a name given twice) gives no fields, so the form's token is missing and nothing is done.
    init(_ bytes: [UInt8]) {
        self.fields = (try? URLEncodedFormDecoder().decode([String: String].self, from: String(decoding: bytes, as: UTF8.self))) ?? [:]
    }

    init(fields: [String: String], files: [String: [UInt8]]) {
        self.fields = fields
        self.files = files
    }

    subscript(_ name: String) -> String? { fields[name] }
}

extension FormBody {
    /// The largest upload a page takes: a scan, as the API's `POST /v1/verifications` takes it.
    static let uploadLimit = 8 * 1024 * 1024

    /// A `multipart/form-data` body (RFC 7578), read by MultipartKit: text fields into `fields`, file contents into
    /// `files`, by name. Nil when the body is not well formed.
    static func multipart(_ bytes: [UInt8], contentType: String) -> (fields: [String: String], files: [String: [UInt8]])? {
        guard let boundaryRange = contentType.range(of: "boundary=") else { return nil }
        var boundary = String(contentType[boundaryRange.upperBound...].prefix { $0 != ";" })
        if boundary.hasPrefix("\""), boundary.hasSuffix("\""), boundary.count >= 2 { boundary = String(boundary.dropFirst().dropLast()) }
        guard !boundary.isEmpty, boundary.utf8.count <= 70 else { return nil }
        let parser = MultipartParser(boundary: boundary)
        var parts: [MultipartPart] = []
        var headers = HTTPHeaders()
        var body = ByteBuffer()
        parser.onHeader = { name, value in headers.add(name: name, value: value) }
        parser.onBody = { chunk in body.writeBuffer(&chunk) }
        parser.onPartComplete = {
            parts.append(MultipartPart(headers: headers, body: body))
            headers = HTTPHeaders()
            body = ByteBuffer()
        }
        do { try parser.execute(bytes) } catch { return nil }
        var fields: [String: String] = [:]
        var files: [String: [UInt8]] = [:]
        for part in parts {
            guard let name = part.name else { return nil }
            let disposition = part.headers.first(name: "Content-Disposition") ?? ""
            if disposition.contains("filename=") {
                files[name] = Array(buffer: part.body)
            } else {
                fields[name] = String(buffer: part.body)
            }
        }
        return (fields, files)
    }
}
