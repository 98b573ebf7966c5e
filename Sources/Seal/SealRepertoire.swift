// SealRepertoire: the bytes a seal value may use (A-Z 0-9 space - ' . /), and small ASCII readers the codec shares.

/// The value repertoire of SEAL.md, checked byte by byte: every value is ASCII, so a byte is a character.
enum SealRepertoire {
    /// A-Z, 0-9, space, `-`, `'`, `.`, `/`: nothing else, so a value can never contain a separator.
    static func contains(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"): true
        case UInt8(ascii: " "), UInt8(ascii: "-"), UInt8(ascii: "'"), UInt8(ascii: "."), UInt8(ascii: "/"): true
        default: false
        }
    }

    static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    /// A-Z or 0-9: the alphabet of the authority and the certificate id.
    static func isUpperAlphanumeric(_ byte: UInt8) -> Bool {
        isDigit(byte) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
    }

    /// The decimal number written by `bytes`, or nil when one of them is not a digit (no sign, no space).
    static func number(_ bytes: some Collection<UInt8>) -> Int? {
        guard !bytes.isEmpty, bytes.count <= 18 else { return nil }
        var value = 0
        for byte in bytes {
            guard isDigit(byte) else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return value
    }

    /// Whether `text` is exactly `count` characters of A-Z 0-9.
    static func isCode(_ text: String, count: Int) -> Bool {
        text.utf8.count == count && text.utf8.allSatisfy(isUpperAlphanumeric)
    }

    /// `value` written with at least `width` digits, zero-padded (the seal never writes negative numbers).
    static func padded(_ value: Int, width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
