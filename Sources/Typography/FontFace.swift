// FontFace: one face's metrics, read once with FreeType into plain arrays so that measuring needs no lock.

import CFreeType
public import DisplayList
import Foundation

/// One face of the document font family (e.g. DejaVu Sans Bold), loaded once per process and read-only after.
///
/// Every width in AmeliDocs comes from `advance(of:size:)`: the font's `hmtx` advances in design units
/// (FreeType, `FT_LOAD_NO_SCALE`, unhinted), summed without kerning. The PDF writes glyphs with the same widths
/// and the PNG places glyphs at the same unhinted advances, so layout, PDF and PNG agree to the point.
public final class FontFace: Sendable {
    public let id: FontID
    /// The file the face was loaded from.
    public let path: String

    /// Design units per em (2048 for DejaVu).
    package let unitsPerEm: Int
    /// The file's bytes, for the backends' own FreeType faces and for subsetting.
    package let bytes: FontBytes
    /// The PostScript name from the `name` table (`DejaVuSans-Bold`).
    package let postScriptName: String
    /// Advance widths in design units, by glyph index.
    package let advances: [UInt16]

    private let ascenderUnits: Int
    private let descenderUnits: Int
    private let lineGapUnits: Int
    /// Glyph index by Basic Multilingual Plane code point (0 = not covered).
    private let bmpGlyphs: [UInt16]
    /// Glyph index for the few code points above U+FFFF the font covers.
    private let astralGlyphs: [UInt32: UInt16]

    /// Ascender above the baseline, per em (hhea; 0.928 for DejaVu Sans).
    public var ascender: Double { Double(ascenderUnits) / Double(unitsPerEm) }
    /// Descender below the baseline, per em, negative (−0.236 for DejaVu Sans).
    public var descender: Double { Double(descenderUnits) / Double(unitsPerEm) }
    /// Extra gap between lines recommended by the font, per em.
    public var lineGap: Double { Double(lineGapUnits) / Double(unitsPerEm) }

    /// Loads the face at `path`: reads the file, then copies metrics and character map out of FreeType.
    /// Throws `TypographyError.unreadableFont` naming the file.
    package init(id: FontID, path: String) throws {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw TypographyError.unreadableFont(path: path, reason: "cannot read the file (\(error.localizedDescription))")
        }
        let bytes = FontBytes([UInt8](data))
        var library: FT_Library?
        guard FT_Init_FreeType(&library) == 0, let library else {
            throw TypographyError.library(operation: "FT_Init_FreeType", code: -1)
        }
        defer { FT_Done_FreeType(library) }
        var faceHandle: FT_Face?
        let openError = FT_New_Memory_Face(library, bytes.base.assumingMemoryBound(to: FT_Byte.self),
                                           FT_Long(bytes.count), 0, &faceHandle)
        guard openError == 0, let faceHandle else {
            throw TypographyError.unreadableFont(path: path, reason: "FreeType error \(openError): not a font file")
        }
        defer { FT_Done_Face(faceHandle) }
        let face = faceHandle.pointee
        guard face.face_flags & FT_Long(FT_FACE_FLAG_SCALABLE) != 0, face.units_per_EM > 0 else {
            throw TypographyError.unreadableFont(path: path, reason: "not a scalable (outline) font")
        }
        guard FT_Select_Charmap(faceHandle, FT_ENCODING_UNICODE) == 0 else {
            throw TypographyError.unreadableFont(path: path, reason: "no Unicode character map")
        }

        let glyphCount = Int(face.num_glyphs)
        var fixedAdvances = [FT_Fixed](repeating: 0, count: glyphCount)
        let advanceError = FT_Get_Advances(faceHandle, 0, FT_UInt(glyphCount), FT_Int32(FT_LOAD_NO_SCALE), &fixedAdvances)
        guard advanceError == 0 else {
            throw TypographyError.unreadableFont(path: path, reason: "FreeType error \(advanceError) reading advances")
        }

        var bmp = [UInt16](repeating: 0, count: 0x10000)
        var astral: [UInt32: UInt16] = [:]
        var glyph: FT_UInt = 0
        var code = FT_Get_First_Char(faceHandle, &glyph)
        while glyph != 0 {
            if code < 0x10000 { bmp[Int(code)] = UInt16(glyph) } else { astral[UInt32(code)] = UInt16(glyph) }
            code = FT_Get_Next_Char(faceHandle, code, &glyph)
        }

        self.id = id
        self.path = path
        self.bytes = bytes
        self.unitsPerEm = Int(face.units_per_EM)
        self.postScriptName = FT_Get_Postscript_Name(faceHandle).map { String(cString: $0) } ?? id.name
        self.advances = fixedAdvances.map { UInt16(clamping: $0) }
        self.ascenderUnits = Int(face.ascender)
        self.descenderUnits = Int(face.descender)
        self.lineGapUnits = Int(face.height) - Int(face.ascender) + Int(face.descender)
        self.bmpGlyphs = bmp
        self.astralGlyphs = astral
    }

    /// Width of `text` set at `size` points, at horizontal scale 1, without kerning. A character the face does not
    /// cover counts as the font's `.notdef` glyph (records are validated so this does not happen in documents).
    public func advance(of text: String, size: Double) -> Double {
        var units = 0
        for scalar in text.unicodeScalars {
            units += Int(advances[Int(glyph(for: scalar))])
        }
        return Double(units) * size / Double(unitsPerEm)
    }

    /// True when the face has a glyph for `scalar`.
    public func covers(_ scalar: Unicode.Scalar) -> Bool { glyph(for: scalar) != 0 }

    /// The glyph index for `scalar`, 0 (`.notdef`) when the face does not cover it.
    package func glyph(for scalar: Unicode.Scalar) -> UInt16 {
        let value = scalar.value
        if value < 0x10000 { return bmpGlyphs[Int(value)] }
        return astralGlyphs[value] ?? 0
    }

    /// Advance of one glyph in design units.
    package func advanceUnits(ofGlyph glyph: UInt16) -> Int {
        Int(glyph) < advances.count ? Int(advances[Int(glyph)]) : 0
    }
}
