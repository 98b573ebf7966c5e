// EmbeddedFonts: the fonts libharu embeds, cut once per process to the characters documents may use.

import CHaru
import DisplayList
import Typography

/// The faces of the font set, subset once (HarfBuzz) to `repertoire`; each libharu handle loads these bytes.
///
/// Why subset: libharu copies a TrueType font's tables whole into every PDF (only unused glyph outlines are
/// emptied); with DejaVu's 6,000 glyphs that is ~550 KB to compress per document. Cut to ~420 glyphs without
/// hinting, the tables it copies are a few kilobytes.
final class EmbeddedFonts: Sendable {
    struct File: Sendable {
        let id: FontID
        let bytes: [UInt8]
    }

    /// Ranges of code points offered to documents: printable ASCII, Latin-1 and Latin Extended-A (which hold
    /// all of ISO 8859-1..4), the spacing accents of ISO 8859-2..4, and the punctuation French documents use.
    static let repertoire: [ClosedRange<UInt32>] = [
        0x20...0x7E, 0xA0...0x17F, 0x192...0x192, 0x2C6...0x2C7, 0x2D8...0x2DD,
        0x2013...0x2014, 0x2018...0x201A, 0x201C...0x201E, 0x2020...0x2022, 0x2026...0x2026, 0x2030...0x2030,
        0x2039...0x203A, 0x20AC...0x20AC, 0x2122...0x2122, 0x2212...0x2212,
    ]
    /// Every supported code point is below this: per-document tables are arrays this long.
    static let bound: UInt32 = 0x2300

    /// Characters drawn with another character's code: their glyph names would not read back as themselves
    /// (libharu names U+00A0 `space` and U+00AD `hyphen`), or they have no standard name. Their glyphs look the
    /// same; text extraction gives the plain space or hyphen, and the advance difference, if any, is absorbed
    /// by the text drift correction (PagePainter+Text).
    static let aliased: [Unicode.Scalar] = ["\u{A0}", "\u{AD}", "\u{2007}", "\u{2009}", "\u{202F}"]

    let files: [File]
    /// Code points every embedded face covers and libharu can name in an /Encoding (so text stays extractable).
    private let supported: ScalarSet

    init(fonts: FontSet) throws {
        var candidates: [Unicode.Scalar] = []
        for range in Self.repertoire {
            for value in range {
                guard let scalar = Unicode.Scalar(value), Self.hasGlyphName(value) else { continue }
                candidates.append(scalar)
            }
        }
        let aliased = Self.aliased
        var files: [File] = []
        var supported = ScalarSet(bound: Self.bound)
        for scalar in candidates + aliased { supported.insert(scalar) }
        for id in fonts.faces {
            let face = try fonts.face(id)
            let covered = candidates.filter { face.covers($0) }
            for scalar in candidates + aliased where !face.covers(scalar) { supported.remove(scalar) }
            files.append(File(id: id, bytes: try face.subset(keeping: covered)))
        }
        self.files = files
        self.supported = supported
    }

    func supports(_ scalar: Unicode.Scalar) -> Bool { supported.contains(scalar) }

    /// The character whose code and glyph name stand for `scalar` in the PDF (itself, or its alias).
    static func encoded(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        switch scalar.value {
        case 0xA0, 0x2007, 0x2009, 0x202F: " "
        case 0xAD: "-"
        default: scalar
        }
    }

    /// libharu writes each used character of a simple font as a glyph name in /Differences; a code point it
    /// cannot name would be written as `.notdef` and lost to text extraction, and one whose name means another
    /// character (the soft hyphen is written `hyphen`) would come back as that other character.
    /// (Romanian Ș/ț with comma below are left out of the repertoire for the same reason: readers take their
    /// names, `Scommaaccent`/`Tcommaaccent`, for the cedilla forms.)
    private static func hasGlyphName(_ value: UInt32) -> Bool {
        guard value <= 0xFFFF, let name = HPDF_UnicodeToGryphName(HPDF_UNICODE(value)) else { return false }
        return String(cString: name) != ".notdef" && HPDF_GryphNameToUnicode(name) == HPDF_UNICODE(value)
    }
}
