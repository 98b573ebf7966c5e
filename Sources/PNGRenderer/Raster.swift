// Raster: the 8-bit RGB pixels of a page being painted, and the one way coverage becomes colour.

import DisplayList

/// Rows top to bottom, 3 bytes a pixel, no padding. Every painter (glyphs, shapes, images) ends in `blend`,
/// so all antialiasing composites the same way: straight sRGB interpolation, as pdftoppm's Splash does.
struct Raster {
    let width: Int
    let height: Int
    var pixels: [UInt8]

    init(width: Int, height: Int, background: Color) {
        self.width = width
        self.height = height
        let count = width * height * 3
        pixels = [UInt8](unsafeUninitializedCapacity: count) { buffer, initialized in
            let pattern = (background.red, background.green, background.blue)
            if pattern.0 == pattern.1 && pattern.1 == pattern.2 {
                buffer.initialize(repeating: pattern.0)
            } else {
                var index = 0
                while index < count {
                    buffer[index] = pattern.0
                    buffer[index + 1] = pattern.1
                    buffer[index + 2] = pattern.2
                    index += 3
                }
            }
            initialized = count
        }
    }
}

/// Blending on raw pixel memory, shared by the span callback (shapes) and the glyph compositor.
///
/// Coverage is quantised to 16 levels before blending (as 4 × 4 supersampling would give, which is what
/// pdftoppm's Splash uses). Why: a flat-colour page then has few distinct colours — each pair of colours
/// that touch gives at most 14 blends — so the PNG can almost always be written with a palette, one byte a
/// pixel instead of three, which is what makes encoding fast enough (see PNGEncoding).
enum Blend {
    static let levels = 16
    /// Coverage 0…255 to the nearest of `levels` evenly spaced values (0 and 255 exact).
    static let quantised: [UInt32] = (0...255).map { coverage in
        let level = (coverage * (levels - 1) + 127) / 255
        return UInt32(level * 255 / (levels - 1))
    }
    /// The same levels as bytes: what a glyph's cached coverage holds.
    static let quantisedBytes: [UInt8] = quantised.map(UInt8.init)

    /// Paints `count` pixels starting at `pixel` (byte offset of the first) with `color` at `coverage`/255.
    @inline(__always)
    static func span(_ pixels: UnsafeMutablePointer<UInt8>, at offset: Int, count: Int, color: Color, coverage raw: UInt32) {
        let coverage = quantised[Int(raw)]
        guard coverage > 0 else { return }
        var p = pixels + offset
        if coverage >= 255 {
            for _ in 0..<count {
                p[0] = color.red
                p[1] = color.green
                p[2] = color.blue
                p += 3
            }
            return
        }
        for _ in 0..<count {
            p[0] = mix(p[0], color.red, coverage)
            p[1] = mix(p[1], color.green, coverage)
            p[2] = mix(p[2], color.blue, coverage)
            p += 3
        }
    }

    /// One pixel at `pixel` painted with `color` at a coverage already quantised (a value of `quantised`, which
    /// quantising again would not change): what glyphs use, their bitmaps being quantised once when cached.
    @inline(__always)
    static func pixel(_ pixel: UnsafeMutablePointer<UInt8>, color: Color, quantisedCoverage coverage: UInt32) {
        if coverage >= 255 {
            pixel[0] = color.red
            pixel[1] = color.green
            pixel[2] = color.blue
        } else if coverage > 0 {
            pixel[0] = mix(pixel[0], color.red, coverage)
            pixel[1] = mix(pixel[1], color.green, coverage)
            pixel[2] = mix(pixel[2], color.blue, coverage)
        }
    }

    /// `under` moved towards `over` by `coverage`/255, rounded (exact for 0 and 255).
    @inline(__always)
    static func mix(_ under: UInt8, _ over: UInt8, _ coverage: UInt32) -> UInt8 {
        let value = UInt32(under) * (255 - coverage) + UInt32(over) * coverage + 128
        return UInt8((value + (value >> 8)) >> 8)   // value / 255, rounded, for value ≤ 65 152
    }
}
