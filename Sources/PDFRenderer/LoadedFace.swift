// LoadedFace: one embedded face as a libharu handle loaded it: its definition and where each character's glyph is.

import CHaru
import DisplayList

/// A face's libharu font definition and the per-character facts PDFs need, computed once per handle.
struct LoadedFace {
    let definition: HPDF_FontDef
    /// /BaseFont and /FontName: subset tag and PostScript name (`HPDFAA+DejaVuSans`).
    let baseFont: String
    /// Glyph id in the embedded file by code point below `EmbeddedFonts.bound` (0: not offered). In the PDF these
    /// are also the character codes (Identity-H) and the CIDs (/CIDToGIDMap /Identity).
    let glyphs: [UInt16]
    /// Advance by glyph id in thousandths of an em, exactly (a 2048-unit em gives values like 611.81641): what
    /// /W says, so viewers advance each glyph as far as layout measured it (Typography's unhinted advances).
    let widths: [HPDF_REAL]
    /// The /ToUnicode CMap of every character offered (not only a document's), compressed once per handle:
    /// codes a document does not use map to text it does not contain, which is harmless.
    let toUnicode: [UInt8]

    /// `deflate` compresses the /ToUnicode stream (libharu's deflate needs the handle).
    init(definition: HPDF_FontDef, baseFont: String, fonts: EmbeddedFonts,
         deflate: ([UInt8]) throws -> [UInt8]) rethrows {
        self.definition = definition
        self.baseFont = baseFont
        var glyphs = [UInt16](repeating: 0, count: Int(EmbeddedFonts.bound))
        for range in EmbeddedFonts.repertoire {
            for value in range {
                guard let scalar = Unicode.Scalar(value), fonts.supports(scalar), value <= 0xFFFF else { continue }
                glyphs[Int(value)] = HPDF_TTFontDef_GetGlyphid(definition, HPDF_UINT16(value))
            }
        }
        self.glyphs = glyphs
        let characters = glyphs.indices.compactMap { value in
            glyphs[value] == 0 ? nil : Unicode.Scalar(UInt32(value)).map { (code: glyphs[value], scalar: $0) }
        }
        toUnicode = try deflate(ToUnicodeCMap.bytes(characters.sorted { $0.code < $1.code }))
        let attr = definition.pointee.attr.assumingMemoryBound(to: HPDF_TTFontDefAttr_Rec.self).pointee
        let unitsPerEm = Double(attr.header.units_per_em)
        widths = (0..<Int(attr.num_glyphs)).map { HPDF_REAL(Double(attr.h_metric[$0].advance_width) * 1000 / unitsPerEm) }
    }

    func glyph(for scalar: Unicode.Scalar) -> UInt16 {
        scalar.value < EmbeddedFonts.bound ? glyphs[Int(scalar.value)] : 0
    }

    /// The glyphs libharu's next font file will carry (used in this document, their composite components and
    /// `.notdef`): the rest are written empty. Marks set by `HPDF_TTFontDef_GetCharWidth`; `HPDF_NewDoc` clears them.
    var glyphsInFile: [Bool] {
        let attr = definition.pointee.attr.assumingMemoryBound(to: HPDF_TTFontDefAttr_Rec.self)
        let count = Int(attr.pointee.num_glyphs)
        guard let flags = attr.pointee.glyph_tbl.flgs else { return [Bool](repeating: false, count: count) }
        return (0..<count).map { flags[$0] != 0 }
    }
}
