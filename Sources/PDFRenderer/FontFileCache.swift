// FontFileCache: a face's compressed font file for a set of glyphs, made once and shared by every handle.
import Synchronization

/// libharu writes a document's font file from the glyphs it marked (`HPDF_TTFontDef_SaveFontData`), then deflates
/// it while saving the PDF: the largest part of a PDF's render time (`bench --phases`: compression and writing, 60 %).
/// The file is a pure function of the face and the glyph set, so it is made and compressed once and reused, byte for
/// byte, by documents that use the same glyphs (the same template with the same names, every re-render of a stored
/// document). Bounded: past `limit` sets the cache starts again, so memory stays flat whatever the names.
final class FontFileCache: Sendable {
    struct Key: Hashable, Sendable {
        let face: String
        /// One bit per glyph of the embedded face, set for the glyphs the file carries.
        let glyphs: [UInt8]
    }

    struct FontFile: Sendable {
        /// The font file deflated by libharu's own compressor, as its /FlateDecode stream would hold it.
        let deflated: [UInt8]
        /// /Length1: the uncompressed length.
        let length: Int
    }

    /// About 20 KB a file: at most ~10 MB.
    static let limit = 512
    private let files = Mutex<[Key: FontFile]>([:])

    func file(for key: Key, make: () throws -> FontFile) rethrows -> FontFile {
        if let known = files.withLock({ $0[key] }) { return known }
        let made = try make()
        files.withLock { files in
            if files.count >= Self.limit { files.removeAll(keepingCapacity: true) }
            files[key] = made
        }
        return made
    }
}
