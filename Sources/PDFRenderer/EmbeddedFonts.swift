// EmbeddedFonts: the fonts libharu embeds, cut once per process to the characters documents may use.

import CHaru
import DisplayList
import Glibc
import Typography

/// The faces of the font set, subset once (HarfBuzz) to `repertoire` and written to anonymous in-memory files,
/// because libharu 2.3.0 loads TrueType fonts from a path only (`/proc/self/fd/N`).
///
/// Why subset: libharu copies a TrueType font's tables whole into every PDF (only unused glyph outlines are
/// emptied); with DejaVu's 6,000 glyphs that is ~550 KB to compress per document. Cut to ~420 glyphs, the
/// tables it copies are a few kilobytes.
final class EmbeddedFonts: Sendable {
    struct File: Sendable {
        let id: FontID
        let path: String
        let descriptor: Int32
    }

    /// Ranges of code points offered to documents: printable ASCII, Latin-1 and Latin Extended-A (which hold
    /// all of ISO 8859-1..4), the spacing accents of ISO 8859-2..4, and the punctuation French documents use.
    static let repertoire: [ClosedRange<UInt32>] = [
        0x20...0x7E, 0xA0...0x17F, 0x192...0x192, 0x2C6...0x2C7, 0x2D8...0x2DD,
        0x2013...0x2014, 0x2018...0x201A, 0x201C...0x201E, 0x2020...0x2022, 0x2026...0x2026, 0x2030...0x2030,
        0x2039...0x203A, 0x20AC...0x20AC, 0x2122...0x2122, 0x2212...0x2212,
    ]

    /// Characters drawn with another character's code: their glyph names would not read back as themselves
    /// (libharu names U+00A0 `space` and U+00AD `hyphen`), or they have no standard name. Their glyphs look the
    /// same; text extraction gives the plain space or hyphen, and the advance difference, if any, is absorbed
    /// by the text drift correction (PagePainter+Text).
    static let aliases: [UInt32: UInt32] = [0xA0: 0x20, 0x2007: 0x20, 0x2009: 0x20, 0x202F: 0x20, 0xAD: 0x2D]

    let files: [File]
    /// Code points every embedded face covers and libharu can name in an /Encoding (so text stays extractable).
    private let supported: Set<UInt32>

    init(fonts: FontSet) throws {
        var candidates: [Unicode.Scalar] = []
        for range in Self.repertoire {
            for value in range {
                guard let scalar = Unicode.Scalar(value), Self.hasGlyphName(value) else { continue }
                candidates.append(scalar)
            }
        }
        let aliased = Self.aliases.keys.sorted().compactMap(Unicode.Scalar.init)
        var supported = Set(candidates.map(\.value) + aliased.map(\.value))
        var files: [File] = []
        do {
            for id in fonts.faces {
                let face = try fonts.face(id)
                let covered = candidates.filter { face.covers($0) }
                supported.formIntersection(covered.map(\.value) + aliased.filter { face.covers($0) }.map(\.value))
                let bytes = try face.subset(keeping: covered)
                files.append(try Self.memoryFile(named: "ameli-\(id.name)", bytes: bytes, id: id))
            }
        } catch {
            for file in files { close(file.descriptor) }
            throw error
        }
        self.files = files
        self.supported = supported
    }

    deinit {
        for file in files { close(file.descriptor) }
    }

    func supports(_ scalar: Unicode.Scalar) -> Bool { supported.contains(scalar.value) }

    /// The character whose code and glyph name stand for `scalar` in the PDF (itself, or its alias).
    static func encoded(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        aliases[scalar.value].flatMap(Unicode.Scalar.init) ?? scalar
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

    private static func memoryFile(named name: String, bytes: [UInt8], id: FontID) throws -> File {
        let descriptor = memfd_create(name, 0)
        guard descriptor >= 0 else {
            throw HaruError(code: 0, detail: UInt(errno), operation: "memfd_create(\(name))")
        }
        let written = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        guard written == bytes.count else {
            close(descriptor)
            throw HaruError(code: 0, detail: UInt(errno), operation: "write(\(name))")
        }
        return File(id: id, path: "/proc/self/fd/\(descriptor)", descriptor: descriptor)
    }
}
