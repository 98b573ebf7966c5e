// ToUnicodeCMap: the /ToUnicode stream of a composite font, mapping each two-byte glyph code back to its character.

/// The CMap text (PDF 1.7, 9.10.3) for `pairs` of code and character, sorted by code. Runs where both code and
/// character go up by one become one `bfrange` line: the subset keeps DejaVu's glyph order, which follows
/// Unicode's, so a face's whole repertoire takes ~20 lines. Text extraction (pdftotext, copy and paste, search)
/// reads characters only from this map.
enum ToUnicodeCMap {
    static func bytes(_ pairs: [(code: UInt16, scalar: Unicode.Scalar)]) -> [UInt8] {
        var ranges: [(first: UInt16, last: UInt16, scalar: Unicode.Scalar)] = []
        var singles: [(code: UInt16, scalar: Unicode.Scalar)] = []
        var index = 0
        while index < pairs.count {
            var end = index
            // A bfrange may only vary the last byte of source and destination (9.10.3).
            while end + 1 < pairs.count, pairs[end + 1].code == pairs[end].code + 1,
                  pairs[end + 1].code >> 8 == pairs[index].code >> 8,
                  pairs[end + 1].scalar.value == pairs[end].scalar.value + 1,
                  pairs[end + 1].scalar.value >> 8 == pairs[index].scalar.value >> 8,
                  pairs[index].scalar.value <= 0xFFFF {
                end += 1
            }
            if end > index {
                ranges.append((pairs[index].code, pairs[end].code, pairs[index].scalar))
            } else {
                singles.append(pairs[index])
            }
            index = end + 1
        }

        var text = """
            /CIDInit /ProcSet findresource begin
            12 dict begin
            begincmap
            /CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def
            /CMapName /Adobe-Identity-UCS def
            /CMapType 2 def
            1 begincodespacerange
            <0000> <FFFF>
            endcodespacerange

            """
        // At most 100 entries per block (9.10.3).
        for start in stride(from: 0, to: singles.count, by: 100) {
            let block = singles[start..<min(start + 100, singles.count)]
            text += "\(block.count) beginbfchar\n"
            for (code, scalar) in block { text += "<\(hex(code))> <\(utf16(scalar))>\n" }
            text += "endbfchar\n"
        }
        for start in stride(from: 0, to: ranges.count, by: 100) {
            let block = ranges[start..<min(start + 100, ranges.count)]
            text += "\(block.count) beginbfrange\n"
            for (first, last, scalar) in block { text += "<\(hex(first))> <\(hex(last))> <\(utf16(scalar))>\n" }
            text += "endbfrange\n"
        }
        text += """
            endcmap
            CMapName currentdict /CMap defineresource pop
            end
            end

            """
        return Array(text.utf8)
    }

    private static let digits = Array("0123456789ABCDEF".utf8)

    private static func hex(_ value: UInt16) -> String {
        String(decoding: [12, 8, 4, 0].map { digits[Int(value >> UInt16($0) & 0xF)] }, as: UTF8.self)
    }

    /// The character as UTF-16BE hex digits (a surrogate pair above the BMP).
    private static func utf16(_ scalar: Unicode.Scalar) -> String {
        scalar.utf16.map(hex).joined()
    }
}
