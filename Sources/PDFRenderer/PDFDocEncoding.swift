// PDFDocEncoding: document metadata (title, author) as the single-byte text strings libharu writes.

/// libharu 2.3.0 writes info strings byte for byte, so they must already be PDFDocEncoding (PDF 1.7, annex D):
/// Latin-1 for U+00A1–U+00FF (but the soft hyphen) plus a few typographic characters at 0x80–0x9E and the euro at 0xA0. A text with
/// any other character is written as UTF-16 instead (see HaruDocument+PDFA), since PDF/A requires the Info
/// entries to say exactly what the XMP metadata says.
enum PDFDocEncoding {
    private static let specials: [UInt32: UInt8] = [
        0x2022: 0x80, 0x2020: 0x81, 0x2021: 0x82, 0x2026: 0x83, 0x2014: 0x84, 0x2013: 0x85, 0x0192: 0x86,
        0x2044: 0x87, 0x2039: 0x88, 0x203A: 0x89, 0x2212: 0x8A, 0x2030: 0x8B, 0x201E: 0x8C, 0x201C: 0x8D,
        0x201D: 0x8E, 0x2018: 0x8F, 0x2019: 0x90, 0x201A: 0x91, 0x2122: 0x92, 0x0141: 0x95, 0x0152: 0x96,
        0x0160: 0x97, 0x0178: 0x98, 0x017D: 0x99, 0x0131: 0x9A, 0x0142: 0x9B, 0x0153: 0x9C, 0x0161: 0x9D,
        0x017E: 0x9E, 0x20AC: 0xA0,
    ]

    /// The bytes of `text` in PDFDocEncoding, NUL-terminated for libharu's C string parameters; nil when a
    /// character has no PDFDocEncoding byte.
    static func encode(_ text: String) -> [CChar]? {
        var bytes: [CChar] = []
        bytes.reserveCapacity(text.unicodeScalars.count + 1)
        for scalar in text.unicodeScalars {
            let value = scalar.value
            let byte: UInt8
            if (0x20...0x7E).contains(value) || ((0xA1...0xFF).contains(value) && value != 0xAD) {
                byte = UInt8(value)
            } else if let special = specials[value] {
                byte = special
            } else {
                return nil
            }
            bytes.append(CChar(bitPattern: byte))
        }
        bytes.append(0)
        return bytes
    }
}
