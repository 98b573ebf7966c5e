// EmbeddedFonts: the fonts libharu embeds, cut once per process to the characters documents may use.

import DisplayList
import Typography

/// The faces of the font set, subset once (HarfBuzz) to `repertoire`; each libharu handle loads these bytes.
///
/// Why subset: libharu copies a TrueType font's tables whole into every PDF (only unused glyph outlines are
/// emptied); with DejaVu's 6,000 glyphs that is ~550 KB to compress per document. Cut to ~350 glyphs without
/// hinting, the tables it copies are a few kilobytes.
final class EmbeddedFonts: Sendable {
    struct File: Sendable {
        let id: FontID
        let bytes: [UInt8]
        /// The face's PostScript name (`DejaVuSans-Bold`), for the PDF's /BaseFont and /FontName.
        let postScriptName: String
    }

    /// Ranges of code points offered to documents: printable ASCII, Latin-1 and Latin Extended-A (which hold
    /// all of ISO 8859-1..4), the spacing accents of ISO 8859-2..4, the typographic spaces French uses (figure,
    /// thin and narrow no-break space) and its punctuation.
    static let repertoire: [ClosedRange<UInt32>] = [
        0x20...0x7E, 0xA0...0x17F, 0x192...0x192, 0x2C6...0x2C7, 0x2D8...0x2DD,
        0x2007...0x2007, 0x2009...0x2009, 0x2013...0x2014, 0x2018...0x201A, 0x201C...0x201E, 0x2020...0x2022,
        0x2026...0x2026, 0x202F...0x202F, 0x2030...0x2030, 0x2039...0x203A, 0x20AC...0x20AC, 0x2122...0x2122,
        0x2212...0x2212,
    ]
    /// Every supported code point is below this: per-document tables are arrays this long.
    static let bound: UInt32 = 0x2300

    let files: [File]
    /// Code points every embedded face covers, each with a glyph of its own (so text stays extractable).
    private let supported: ScalarSet

    init(fonts: FontSet) throws {
        var candidates: [Unicode.Scalar] = []
        for range in Self.repertoire {
            for value in range {
                if let scalar = Unicode.Scalar(value) { candidates.append(scalar) }
            }
        }
        var files: [File] = []
        var supported = ScalarSet(bound: Self.bound)
        for scalar in candidates { supported.insert(scalar) }
        for id in fonts.faces {
            let face = try fonts.face(id)
            // The PDF maps glyphs back to text (/ToUnicode), one character per glyph: a character drawn with
            // another one's glyph would be extracted as that other character, so it is not offered. (DejaVu
            // has none such in the repertoire; this keeps extraction exact if the fonts change.)
            var glyphOwners: Set<UInt16> = []
            for scalar in candidates {
                let glyph = face.glyph(for: scalar)
                if glyph == 0 || !glyphOwners.insert(glyph).inserted { supported.remove(scalar) }
            }
            let covered = candidates.filter { face.covers($0) }
            files.append(File(id: id, bytes: try face.subset(keeping: covered, addingTables: Self.libharuTables),
                              postScriptName: face.postScriptName))
        }
        self.files = files
        self.supported = supported
    }

    func supports(_ scalar: Unicode.Scalar) -> Bool { supported.contains(scalar) }

    /// A one-byte `prep` program, SVTCA[x-axis], which sets what is already the default: it changes no rendering.
    ///
    /// Why: the subset has no hinting, so no `prep`, the last of the tables libharu 2.3.0 writes into each PDF's
    /// font file (`REQUIRED_TAGS`). `HPDF_TTFontDef_SaveFontData` writes a missing table as an empty one and later
    /// seeks its memory stream to that table's offset, the stream's very end. When the font file of a document is
    /// an exact multiple of 4,096 bytes (the stream's buffer size), `HPDF_MemStream_SeekFunc` finds no buffer
    /// there and fails with HPDF_INVALID_OBJECT (0x1033): about one document in a few hundred, decided by the
    /// glyphs it uses, hence by the names printed on it. A table that is present and not empty is never at the
    /// stream's end, so the seek always lands inside a buffer.
    static let libharuTables: [String: [UInt8]] = ["prep": [0x01]]
}
