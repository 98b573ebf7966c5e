// CardRepertoire: the characters a CEAM can print (EU Decision S2: ISO 8859-1 to 8859-4).

/// The union of the printable repertoires of ISO 8859-1, -2, -3 and -4, plus printable ASCII.
/// Generated from the codec tables (Python's `iso8859_1`…`iso8859_4`, bytes 0xA0–0xFF): 210 characters above
/// ASCII in 13 ranges. Œ/œ (0x152/0x153) are not in it: they belong to ISO 8859-15, which S2 does not name.
public enum CardRepertoire {
    static let upperRanges: [ClosedRange<UInt32>] = [
        0x00A0...0x0113, 0x0116...0x012B, 0x012E...0x0131, 0x0134...0x013E, 0x0141...0x0148,
        0x014A...0x014D, 0x0150...0x0151, 0x0154...0x0173, 0x0179...0x017E, 0x02C7...0x02C7,
        0x02D8...0x02D9, 0x02DB...0x02DB, 0x02DD...0x02DD,
    ]

    /// True for a character the card's character set contains (printable ASCII included).
    public static func contains(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        if (0x20...0x7E).contains(v) { return true }
        return upperRanges.contains { $0.contains(v) }
    }

    /// Every scalar of the repertoire, in code-point order (for font-coverage tests and subsetting).
    public static var allScalars: [Unicode.Scalar] {
        let ascii = (0x20...0x7E as ClosedRange<UInt32>).compactMap(Unicode.Scalar.init)
        return ascii + upperRanges.flatMap { $0.compactMap(Unicode.Scalar.init) }
    }
}
