// RasterContext: one FreeType library with its faces, stroker and glyph cache, lent to one render at a time.

import CFreeType
import DisplayList
import Typography

/// FreeType objects are not thread-safe, so each context belongs to one render at a time (the `ContextPool`
/// lends them out); contexts and their glyph caches are reused from render to render.
final class RasterContext: @unchecked Sendable {
    let library: FT_Library
    private(set) var faces: [FontID: FT_Face] = [:]
    let stroker: FT_Stroker
    var glyphs: [GlyphKey: GlyphBitmap] = [:]

    /// Glyph bitmaps kept per context; past this the cache is emptied (memory stays flat whatever is drawn).
    static let glyphCacheLimit = 16_384

    init(fonts: FontSet) throws {
        var library: FT_Library?
        let status = FT_Init_FreeType(&library)
        guard status == 0, let library else { throw PNGRendererError.freeType(operation: "FT_Init_FreeType", code: status) }
        self.library = library
        var stroker: FT_Stroker?
        let strokerStatus = FT_Stroker_New(library, &stroker)
        guard strokerStatus == 0, let stroker else {
            FT_Done_FreeType(library)
            throw PNGRendererError.freeType(operation: "FT_Stroker_New", code: strokerStatus)
        }
        self.stroker = stroker
        for id in fonts.faces {
            let bytes = try fonts.face(id).bytes
            var face: FT_Face?
            let faceStatus = FT_New_Memory_Face(library, bytes.base.assumingMemoryBound(to: FT_Byte.self),
                                                FT_Long(bytes.count), 0, &face)
            guard faceStatus == 0, let face else {
                throw PNGRendererError.freeType(operation: "FT_New_Memory_Face(\(id))", code: faceStatus)
            }
            faces[id] = face
        }
    }

    deinit {
        FT_Stroker_Done(stroker)
        FT_Done_FreeType(library)   // also frees the faces
    }
}

/// A glyph as drawn at one size, horizontal scale and quarter-pixel offset.
struct GlyphKey: Hashable {
    var face: FontID
    var glyph: UInt16
    /// Pixels per em, in 1/64 pixel.
    var pixelsPerEm: Int
    /// Horizontal scale in 1/65536.
    var scale: Int
    /// Offset of the pen from the pixel grid, in quarter pixels (0…3), each axis.
    var offsetX: UInt8
    var offsetY: UInt8
}

/// An antialiased coverage bitmap (0…255, already quantised to `Blend.levels`) and where it goes relative to the pen's pixel.
struct GlyphBitmap {
    var left: Int
    var top: Int
    var width: Int
    var rows: Int
    var coverage: [UInt8]
}

/// The PNG backend's failures: FreeType or libpng refusing valid input (a bug or an exhausted machine), or a
/// request it cannot honour.
public enum PNGRendererError: Error, Hashable, Sendable, CustomStringConvertible {
    case freeType(operation: String, code: Int32)
    case libpng(message: String)
    case invalidDensity(Double)
    case imageTooLarge(width: Int, height: Int)
    case invalidImage(width: Int, height: Int)

    public var description: String {
        switch self {
        case let .freeType(operation, code): "FreeType error \(code) in \(operation)"
        case let .libpng(message): "libpng: \(message)"
        case let .invalidDensity(dpi): "invalid pixel density \(dpi) dpi"
        case let .imageTooLarge(width, height): "raster of \(width) × \(height) pixels is too large"
        case let .invalidImage(width, height): "invalid image \(width) × \(height)"
        }
    }
}
