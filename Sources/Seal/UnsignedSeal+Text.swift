// UnsignedSeal+Text: writing the header and message exactly as SEAL.md lays them out (the bytes that get signed).

extension UnsignedSeal {
    /// Header (26 characters) + message, ASCII: the text a signature covers.
    public func text() -> String { String(decoding: bytes(), as: UTF8.self) }

    /// The same text as bytes, which is what is hashed and signed.
    func bytes() -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(26 + type.fields.reduce(0) { $0 + 3 + $1.maxLength })
        out += SealText.marker
        out += caID.utf8
        out += certificateID.utf8
        // The initialiser checked both dates have a header form.
        out += (issueDate.headerHex ?? "").utf8
        out += (signatureDate.headerHex ?? "").utf8
        out += type.rawValue.utf8
        out += SealText.perimeter
        out += SealText.country
        let carried = type.fields
        for (index, field) in carried.enumerated() {
            let value = fields[field] ?? ""
            out += field.id(in: profile).utf8
            out += value.utf8
            if truncatedFields.contains(field) {
                out.append(SealText.truncation)
            } else if index < carried.count - 1, field.endsWithSeparator(value.utf8.count, in: profile) {
                // The last field needs no separator; nor, under ANTS's rule, a full-length value.
                out.append(SealText.groupSeparator)
            }
        }
        return out
    }
}

/// The fixed bytes of the seal text (SEAL.md).
enum SealText {
    static let marker = Array("DC04".utf8)
    static let perimeter = Array("01".utf8)
    static let country = Array("FR".utf8)
    static let headerLength = 26
    /// `<GS>`: ends a variable-length value shorter than its maximum.
    static let groupSeparator: UInt8 = 0x1D
    /// `<RS>`: ends a value cut to its maximum.
    static let truncation: UInt8 = 0x1E
    /// `<US>`: between the signed text and the signature.
    static let unitSeparator: UInt8 = 0x1F
    /// 64 bytes in base32 without padding: ⌈512 / 5⌉.
    static let signatureLength = 103
}
