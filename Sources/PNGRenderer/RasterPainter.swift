// RasterPainter: paints one page's items into a Raster, in pixels (page points × scale, origin top left).

import CFreeType
import DisplayList
import Typography

struct RasterPainter {
    var raster: Raster
    let context: RasterContext
    let fonts: FontSet
    /// Pixels per point.
    let scale: Double

    init(raster: Raster, context: RasterContext, fonts: FontSet, scale: Double) {
        self.raster = raster
        self.context = context
        self.fonts = fonts
        self.scale = scale
    }
}

/// What the span callback paints into: raw pixels, their size, and the colour.
struct SpanTarget {
    var pixels: UnsafeMutablePointer<UInt8>
    var width: Int
    var height: Int
    var color: Color
}

/// FreeType's smooth rasteriser calls this with the antialiased spans of a shape, bottom-up scanlines in
/// outline space (y up): outlines are built with y negated, so scanline y is pixel row −y − 1.
let rasterSpanCallback: FT_SpanFunc = { y, count, spans, user in
    guard let spans, let user else { return }
    let target = user.assumingMemoryBound(to: SpanTarget.self).pointee
    let row = -Int(y) - 1
    guard row >= 0, row < target.height else { return }
    for index in 0..<Int(count) {
        let span = spans[index]
        let start = max(Int(span.x), 0)
        let end = min(Int(span.x) + Int(span.len), target.width)
        guard end > start else { continue }
        Blend.span(target.pixels, at: (row * target.width + start) * 3, count: end - start, color: target.color,
                   coverage: UInt32(span.coverage))
    }
}
