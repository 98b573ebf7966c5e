// SealParser: the strict reader of a seal text, the exact inverse of SignedSeal.text (it is fed untrusted input).

extension SignedSeal {
    /// Reads a seal text, strictly: exactly one way of writing each seal in each profile is accepted (v2, or v1 for
    /// papers printed before it).
    ///
    /// Refused with `SealError` (never a crash): non-ASCII or control bytes, a header that is not
    /// `DC04` `FR..` id date date type `01` `FR`, fields missing, out of order or of the wrong form, a separator
    /// where SEAL.md puts none (or none where it needs one), bytes after the last field, a signature that is not
    /// 103 characters of upper-case unpadded base32 decoding to 64 bytes.
    public static func parse(_ text: String) throws(SealError) -> SignedSeal {
        var reader = SealParser(bytes: Array(text.utf8))
        return try reader.seal()
    }
}

/// A cursor over the seal's bytes; each step checks what SEAL.md puts there and says where it failed.
struct SealParser {
    let bytes: [UInt8]
    var position = 0
    /// Where the message ends: the `<US>` before the signature.
    var messageEnd = 0

    init(bytes: [UInt8]) { self.bytes = bytes }

    mutating func seal() throws(SealError) -> SignedSeal {
        guard let unitSeparator = bytes.firstIndex(of: SealText.unitSeparator) else {
            throw .malformed(offset: bytes.count, reason: "no <US> before a signature")
        }
        messageEnd = unitSeparator
        let signature = try signature(from: unitSeparator + 1)
        let header = try header()
        let messageStart = position
        let profile: SealProfile
        let fields: [SealField: String], truncated: Set<SealField>
        do {
            (fields, truncated) = try message(of: header.type, in: .current)
            profile = .current
        } catch {
            // A paper printed before v2; if it is not v1 either, v2's reason is the one to give.
            position = messageStart
            guard let old = try? message(of: header.type, in: .v1) else { throw error }
            (fields, truncated) = old
            profile = .v1
        }
        let unsigned: UnsignedSeal
        do {
            unsigned = try UnsignedSeal(authority: header.authority, certificateID: header.certificateID,
                                        issueDate: header.issueDate, signatureDate: header.signatureDate,
                                        type: header.type, cutFields: fields, truncatedFields: truncated, profile: profile)
        } catch {
            // Every value was checked on the way; keep the position for any rule the initialiser adds later.
            throw .malformed(offset: position, reason: error.description)
        }
        return SignedSeal(unsigned: unsigned, signature: signature, signedBytes: Array(bytes[..<unitSeparator]))
    }

    private func signature(from start: Int) throws(SealError) -> [UInt8] {
        let encoded = bytes[start...]
        guard encoded.count == SealText.signatureLength else {
            throw .malformed(offset: start, reason: "the signature must be \(SealText.signatureLength) base32 characters")
        }
        let signature: [UInt8]
        do { signature = try Base32.decode(encoded) } catch {
            throw .malformed(offset: start, reason: error.description)
        }
        return signature
    }

    private struct Header {
        var authority: String
        var certificateID: String
        var issueDate: SealDate
        var signatureDate: SealDate
        var type: SealDocumentType
    }

    private mutating func header() throws(SealError) -> Header {
        guard messageEnd >= SealText.headerLength else { throw .malformed(offset: messageEnd, reason: "the header is 26 characters") }
        try expect(SealText.marker, "DC04")
        try expect(Array("FR".utf8), "the authority id FR..")
        let authority = try code(count: 2, "the authority: 2 of A-Z 0-9")
        let certificateID = try code(count: 4, "the certificate id: 4 of A-Z 0-9")
        let issueDate = try headerDate("the issue date")
        let signatureDate = try headerDate("the signature date")
        let typeStart = position
        let typeCode = String(decoding: take(2), as: UTF8.self)
        guard let type = SealDocumentType(rawValue: typeCode) else {
            throw .malformed(offset: typeStart, reason: "document type must be E1, E2, E3 or E4")
        }
        try expect(SealText.perimeter, "the perimeter 01")
        try expect(SealText.country, "the country FR")
        return Header(authority: authority, certificateID: certificateID, issueDate: issueDate,
                      signatureDate: signatureDate, type: type)
    }

    private mutating func message(of type: SealDocumentType, in profile: SealProfile) throws(SealError) -> ([SealField: String], Set<SealField>) {
        var fields: [SealField: String] = [:]
        var truncated: Set<SealField> = []
        let carried = type.fields
        for (index, field) in carried.enumerated() {
            let isLast = index == carried.count - 1
            let id = field.id(in: profile)
            try expect(Array(id.utf8), "field \(id)")
            let start = position
            let value: ArraySlice<UInt8>
            if field.isFixedLength {
                guard messageEnd - position >= field.maxLength else {
                    throw .malformed(offset: start, reason: "field \(id) is \(field.maxLength) characters")
                }
                value = take(field.maxLength)
                if !isLast, field.endsWithSeparator(value.count, in: profile) {
                    guard position < messageEnd, bytes[position] == SealText.groupSeparator else {
                        throw stray(after: field, "each of our fields ends with <GS> unless it is the last")
                    }
                    position += 1
                }
            } else {
                let limit = min(messageEnd, position + field.maxLength)
                var end = position
                while end < limit, SealRepertoire.contains(bytes[end]) { end += 1 }
                value = take(end - position)
                if position < messageEnd, bytes[position] == SealText.truncation, value.count == field.maxLength {
                    // <RS> marks a value cut to its maximum.
                    guard field.isCutWhenLong else {
                        throw .malformed(offset: position, reason: "field \(id) cannot be cut")
                    }
                    truncated.insert(field)
                    position += 1
                } else if isLast {
                    // The last field runs to the <US>: anything else here is a stray byte.
                    guard position == messageEnd else { throw stray(after: field, "the last field ends at <US>") }
                } else if field.endsWithSeparator(value.count, in: profile) {
                    guard position < messageEnd, bytes[position] == SealText.groupSeparator else {
                        throw stray(after: field, "a value shorter than its maximum ends with <GS>")
                    }
                    position += 1
                }
            }
            do { try field.validate(value) } catch { throw .malformed(offset: start, reason: error.description) }
            fields[field] = String(decoding: value, as: UTF8.self)
        }
        guard position == messageEnd else { throw .malformed(offset: position, reason: "bytes after the last field") }
        return (fields, truncated)
    }

    /// The error for the byte that stopped a variable-length value short of its maximum, named for what it is.
    private func stray(after field: SealField, _ rule: String) -> SealError {
        let reason = switch position < messageEnd ? bytes[position] : nil {
        case nil: "the message ends after field \(field.rawValue), before the next field"
        case SealText.truncation?: "field \(field.rawValue): only a value cut to its maximum ends with <RS>"
        case SealText.groupSeparator?: "field \(field.rawValue): \(rule)"
        case let byte?: "field \(field.rawValue): byte \(byte) is outside A-Z 0-9 space - ' . /"
        }
        return .malformed(offset: position, reason: reason)
    }

    /// The next `count` bytes (the caller checked they are there, before `messageEnd`).
    private mutating func take(_ count: Int) -> ArraySlice<UInt8> {
        defer { position += count }
        return bytes[position..<position + count]
    }

    private mutating func expect(_ expected: [UInt8], _ what: String) throws(SealError) {
        guard messageEnd - position >= expected.count, bytes[position..<position + expected.count].elementsEqual(expected) else {
            throw .malformed(offset: position, reason: "expected \(what)")
        }
        position += expected.count
    }

    private mutating func code(count: Int, _ what: String) throws(SealError) -> String {
        let start = position
        let code = take(count)
        guard code.allSatisfy(SealRepertoire.isUpperAlphanumeric) else { throw .malformed(offset: start, reason: what) }
        return String(decoding: code, as: UTF8.self)
    }

    private mutating func headerDate(_ what: String) throws(SealError) -> SealDate {
        let start = position
        guard let date = SealDate.parse(headerHex: take(4)) else {
            throw .malformed(offset: start, reason: "\(what): 4 upper-case hex digits, 0000 to FFFE")
        }
        return date
    }
}
