// Base32: RFC 4648 base32 (upper case, no padding), the signature's encoding in the seal text.

/// RFC 4648 §6 base32 with the standard alphabet, written without `=` padding, as the seal needs.
public enum Base32 {
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".utf8)

    /// The base32 text of `bytes`, upper case, without padding.
    public static func encode(_ bytes: some Collection<UInt8>) -> String {
        var out: [UInt8] = []
        out.reserveCapacity((bytes.count * 8 + 4) / 5)
        var buffer: UInt32 = 0
        var bits = 0
        for byte in bytes {
            buffer = (buffer << 8) | UInt32(byte)
            bits += 8
            while bits >= 5 {
                bits -= 5
                out.append(alphabet[Int((buffer >> UInt32(bits)) & 31)])
            }
        }
        if bits > 0 { out.append(alphabet[Int((buffer << UInt32(5 - bits)) & 31)]) }
        return String(decoding: out, as: UTF8.self)
    }

    /// The bytes of an unpadded, upper-case base32 text.
    ///
    /// Strict, so that one byte string has one text: lower case, `=`, a length no byte count produces, or non-zero
    /// leftover bits are refused (otherwise several seal texts would carry the same signature).
    public static func decode(_ text: String) throws(SealError) -> [UInt8] {
        try decode(Array(text.utf8)[...])
    }

    static func decode(_ text: ArraySlice<UInt8>) throws(SealError) -> [UInt8] {
        // Lengths 1, 3 and 6 (mod 8) leave 5, 7 or 6 bits: no whole byte count ends that way.
        guard ![1, 3, 6].contains(text.count % 8) else { throw .invalidBase32(reason: "length \(text.count) is not a base32 length") }
        var out: [UInt8] = []
        out.reserveCapacity(text.count * 5 / 8)
        var buffer: UInt32 = 0
        var bits = 0
        for byte in text {
            let digit: UInt32
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): digit = UInt32(byte - UInt8(ascii: "A"))
            case UInt8(ascii: "2")...UInt8(ascii: "7"): digit = UInt32(byte - UInt8(ascii: "2")) + 26
            default: throw .invalidBase32(reason: "character \(byte) is not in the upper-case alphabet")
            }
            buffer = (buffer << 5) | digit
            bits += 5
            if bits >= 8 {
                bits -= 8
                out.append(UInt8((buffer >> UInt32(bits)) & 0xFF))
            }
        }
        guard buffer & ((1 << UInt32(bits)) - 1) == 0 else { throw .invalidBase32(reason: "the last character has unused bits set") }
        return out
    }
}
